using System.Globalization;
using Zhifa.Data.Analysis;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Analysis.Packs;

/// <summary>
/// The periods a pack covers and their keys: a Beijing day (2026-11-27), an ISO week (2026-W48, Monday to
/// Sunday) or a calendar month (2026-11).
/// </summary>
public static class PackPeriods
{
    public static string KeyOf(AnalysisPackKind kind, IndicatorPeriod period)
    {
        var first = period.First.ToDateTime(TimeOnly.MinValue);
        return kind switch
        {
            AnalysisPackKind.Daily => period.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AnalysisPackKind.Weekly => $"{ISOWeek.GetYear(first)}-W{ISOWeek.GetWeekOfYear(first):00}",
            _ => period.First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The period that holds <paramref name="day"/>.</summary>
    public static IndicatorPeriod Holding(AnalysisPackKind kind, DateOnly day) => kind switch
    {
        AnalysisPackKind.Daily => new(day, day),
        AnalysisPackKind.Weekly => new(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7) + 6)),
        _ => new(new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
    };

    /// <summary>The last period that has ended by <paramref name="today"/> began: yesterday, last week, last month.</summary>
    public static IndicatorPeriod LastEnded(AnalysisPackKind kind, DateOnly today) => Holding(kind, Holding(kind, today).First.AddDays(-1));

    /// <summary>
    /// The period a key names, for the kind; a bad key is named in <paramref name="errors"/>, and so is a
    /// period that has not begun by <paramref name="today"/>. Without a key, the last period that has ended.
    /// </summary>
    public static IndicatorPeriod? Parse(AnalysisPackKind kind, string? key, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(key))
            return LastEnded(kind, today);
        var period = kind switch
        {
            AnalysisPackKind.Daily when DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => Holding(kind, day),
            AnalysisPackKind.Weekly => Week(key),
            AnalysisPackKind.Monthly when DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) => Holding(kind, first),
            _ => null,
        };
        if (period is null || !FieldErrors.InPlatformYears(period.First.Year))
        {
            errors.Add("period", kind switch
            {
                AnalysisPackKind.Daily => "A daily pack's period is a day, 2026-11-27.",
                AnalysisPackKind.Weekly => "A weekly pack's period is an ISO week, 2026-W48.",
                _ => "A monthly pack's period is a month, 2026-11.",
            });
            return null;
        }
        if (period.First > today)
        {
            errors.Add("period", $"{key} has not begun.");
            return null;
        }
        return period;
    }

    private static IndicatorPeriod? Week(string key)
    {
        if (key.Length != 8 || key[4] != '-' || key[5] != 'W'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(key.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < FieldErrors.FirstYear || year > FieldErrors.LastYear || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            return null;
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new(monday, monday.AddDays(6));
    }
}
