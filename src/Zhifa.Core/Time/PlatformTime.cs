using System.Globalization;

namespace Zhifa.Core.Time;

/// <summary>The platform's civil time zone, Asia/Shanghai (UTC+8, no daylight saving since 1991).</summary>
public static class PlatformTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>
    /// Reads an ISO 8601 time. One without an offset is a local time in Asia/Shanghai (not the
    /// server machine's zone), and a bare date is the start of that day there.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            return false;
        if (parsed.Kind != DateTimeKind.Unspecified)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        instant = new DateTimeOffset(parsed, Zone.GetUtcOffset(parsed));
        return true;
    }

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
