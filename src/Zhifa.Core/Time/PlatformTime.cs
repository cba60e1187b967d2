using System.Globalization;
using System.Text.RegularExpressions;

namespace Zhifa.Core.Time;

/// <summary>The platform's civil time zone, Asia/Shanghai (UTC+8, no daylight saving since 1991).</summary>
public static partial class PlatformTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant a Beijing calendar day begins, in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// Reads an ISO 8601 date or time. One without an offset is a local time in Asia/Shanghai (not
    /// the server machine's zone). A bare date is the start of that day there, or with
    /// <paramref name="endOfDay"/> its end (the next day's start), so that a range "to" a date includes it.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant, bool endOfDay = false)
    {
        instant = default;
        var match = text is null ? null : Iso8601().Match(text);
        if (match is not { Success: true })
            return false;
        if (match.Groups["offset"].Success)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        if (endOfDay && !match.Groups["time"].Success)
        {
            if (local.Date == DateTime.MaxValue.Date)
                return false;
            local = local.AddDays(1);
        }
        var offset = Zone.GetUtcOffset(local);
        // The first hours of year 1 have no UTC equivalent at +08:00.
        if (local.Ticks < offset.Ticks)
            return false;
        instant = new DateTimeOffset(local, offset);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?<time>T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex Iso8601();

    // A machine without tzdata still gets the right offset: Shanghai has been a fixed UTC+8 for decades.
    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
