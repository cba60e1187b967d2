using System.Globalization;

namespace Zhifa.Core.Matters;

/// <summary>A time limit as the responsibility list writes it: "2wh", "1wd", "30nm", "4nh".</summary>
public readonly record struct TimeLimit(int Amount, TimeLimitUnit Unit)
{
    private static readonly (string Suffix, TimeLimitUnit Unit)[] Suffixes =
    [
        ("wh", TimeLimitUnit.WorkingHours),
        ("wd", TimeLimitUnit.WorkingDays),
        ("nm", TimeLimitUnit.NaturalMinutes),
        ("nh", TimeLimitUnit.NaturalHours),
    ];

    public static TimeLimit Parse(string text) =>
        TryParse(text, out var limit) ? limit : throw new FormatException($"'{text}' is not a time limit such as 2wh, 1wd, 30nm or 4nh.");

    public static bool TryParse(string? text, out TimeLimit limit)
    {
        limit = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 3)
            return false;
        foreach (var (suffix, unit) in Suffixes)
        {
            if (!text.EndsWith(suffix, StringComparison.Ordinal))
                continue;
            if (!int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
                return false;
            limit = new TimeLimit(amount, unit);
            return true;
        }
        return false;
    }

    public override string ToString()
    {
        var unit = Unit;
        return string.Create(CultureInfo.InvariantCulture, $"{Amount}{Suffixes.First(s => s.Unit == unit).Suffix}");
    }
}
