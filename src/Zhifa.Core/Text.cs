namespace Zhifa.Core;

public static class Text
{
    /// <summary>At most <paramref name="maxLength"/> UTF-16 units, never splitting a surrogate pair (an emoji, a rare 汉字).</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..end];
    }
}
