using System.Text.RegularExpressions;

namespace Zhifa.Core.Privacy;

/// <summary>How reporters' personal data is shown to people who may not see it whole.</summary>
public static partial class PersonalDataMask
{
    /// <summary>13812341234 → 138****1234: enough to tell callers apart, not to call them.</summary>
    public static string Phone(string phone)
    {
        var text = phone.Trim();
        return text.Length >= 8
            ? string.Concat(text.AsSpan(0, 3), "****", text.AsSpan(text.Length - 4))
            : new string('*', Math.Max(text.Length - 1, 1)) + (text.Length > 1 ? text[^1..] : "");
    }

    /// <summary>张三丰 → 张**: the family name only.</summary>
    public static string Name(string name)
    {
        var text = name.Trim();
        if (text.Length == 0)
            return text;
        var first = char.IsHighSurrogate(text[0]) && text.Length > 1 ? text[..2] : text[..1];
        return first + new string('*', Math.Max(text.Length - first.Length, 1));
    }

    /// <summary>
    /// Free text with every phone-like run masked as <see cref="Phone"/> does: mobile numbers (with
    /// +86, spaces or dashes), landlines with an area code, and any bare run of seven or more digits
    /// (which also hides ID-card numbers). Shorter numbers (house numbers, 12345, dates with
    /// separators) stay, so the text still reads.
    /// </summary>
    public static string PhonesIn(string text) => PhoneLike().Replace(text, m => Phone(m.Value));

    [GeneratedRegex(@"(?<!\d)(?:(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}|0\d{2,3}[- ]\d{7,8}|\d{7,})(?!\d)")]
    private static partial Regex PhoneLike();
}
