namespace Zhifa.Core.Triage;

/// <summary>
/// How alike two short Chinese reports read: the Dice coefficient of their character bigrams.
/// Bigrams need no word segmentation and catch most shared words in Chinese (two-character words
/// dominate), so "河道里有地笼" and "发现河道地笼捕鱼" share 河道 and 地笼.
/// </summary>
public static class TextSimilarity
{
    // Set phrases of hotline and patrol write-ups: shared by unrelated reports, so they say nothing.
    private static readonly string[] Boilerplate =
    [
        "市民来电反映", "来电反映", "市民反映", "群众反映", "网格员上报", "巡查发现", "请相关部门处理", "请相关部门",
        "请尽快处理", "尽快处理", "希望处理", "要求处理", "予以处理", "请核实处理", "请核实",
    ];

    public static double Dice(string a, string b) => Dice(Bigrams(a), Bigrams(b));

    public static double Dice(HashSet<string> left, HashSet<string> right) =>
        left.Count == 0 || right.Count == 0 ? 0 : 2.0 * left.Count(right.Contains) / (left.Count + right.Count);

    /// <summary>The distinct bigrams of the text's letters, digits and ideographs, boilerplate removed.</summary>
    public static HashSet<string> Bigrams(string text)
    {
        foreach (var phrase in Boilerplate)
            text = text.Replace(phrase, " ", StringComparison.Ordinal);
        var kept = new List<char>(text.Length);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept.Add(char.ToLowerInvariant(c));
                continue;
            }
            AddRun(kept, grams);
            kept.Clear();
        }
        AddRun(kept, grams);
        return grams;
    }

    private static void AddRun(List<char> run, HashSet<string> grams)
    {
        if (run.Count == 1)
            grams.Add(run[0].ToString());
        for (var i = 0; i + 1 < run.Count; i++)
            grams.Add(string.Concat(run[i], run[i + 1]));
    }
}
