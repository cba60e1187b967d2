using JiebaNet.Segmenter;

namespace Zhifa.Server.Features.Triage;

/// <summary>
/// Chinese word segmentation (jieba.NET) for the classifier: a clue's words, joined by spaces.
/// </summary>
/// <remarks>
/// One instance serves every thread without a lock. jieba's default cut only reads its dictionaries,
/// which it loads once behind <see cref="Lazy{T}"/>; what is not thread-safe is changing them
/// (<c>AddWord</c>, <c>LoadUserDict</c>), and this wrapper offers no way to. Loading takes a second or
/// two, so <see cref="Warm"/> is called off the request path, before the first classification.
/// </remarks>
public sealed class TextSegmenter
{
    private static readonly Lazy<JiebaSegmenter> Jieba = new(Create);

    /// <summary>Loads the dictionaries now, so the first clue does not pay for it.</summary>
    public void Warm() => Tokens("河道内发现地笼");

    /// <summary>The text's words and numbers, space-separated; punctuation and spaces dropped.</summary>
    public string Tokens(string text) =>
        string.Join(' ', Jieba.Value.Cut(text).Where(w => w.Any(char.IsLetterOrDigit)));

    private static JiebaSegmenter Create()
    {
        // jieba only logs a missing main dictionary and then cuts every character alone, quietly costing
        // the classifier its accuracy (its other files fail later, at first use). One clear error instead.
        var dictionary = Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt");
        if (!File.Exists(dictionary))
            throw new InvalidOperationException(
                $"jieba.NET's dictionaries are missing ({dictionary}); the project file copies the package's Resources folder to the output.");
        return new JiebaSegmenter();
    }
}
