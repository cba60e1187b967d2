namespace Zhifa.Core.Privacy;

/// <summary>How reporters' personal data is shown to people who may not see it whole.</summary>
public static class PersonalDataMask
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
}
