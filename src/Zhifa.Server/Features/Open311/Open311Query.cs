using System.Globalization;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// The filters of GET requests. <see cref="Numbers"/> (service_request_id) overrides every other
/// filter, as the spec says. Dates bound requested_datetime: <see cref="From"/> inclusive,
/// <see cref="To"/> exclusive; null is unbounded.
/// </summary>
internal sealed record Open311Query(
    IReadOnlyList<string>? Numbers, IReadOnlyList<string> ServiceCodes, DateTimeOffset? From, DateTimeOffset? To, bool? Open, int Page, int PageSize)
{
    /// <summary>The spec's limit: at most 1,000 requests in one answer. page and page_size page beyond it.</summary>
    public const int MaxResults = 1000;

    /// <summary>The spec's window: 90 days at most, the latest 90 when no date is given.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>The filters, or the errors that name each value that is wrong. Empty values count as not sent.</summary>
    public static (Open311Query? Query, List<string> Errors) Parse(IQueryCollection q, ReferenceData reference, DateTimeOffset now)
    {
        var errors = new List<string>();
        var numbers = List(q, "service_request_id");
        if (numbers.Count > 0)
        {
            if (numbers.Count > MaxResults)
                errors.Add($"service_request_id lists {numbers.Count} ids; at most {MaxResults} at once.");
            return (errors.Count > 0 ? null : new Open311Query(numbers, [], null, null, null, 1, MaxResults), errors);
        }
        var codes = List(q, "service_code");
        errors.AddRange(codes.Where(c => !reference.Matters.ContainsKey(c)).Select(c => $"service_code '{c}' is not a service of this endpoint."));
        var open = Status(List(q, "status"), errors);
        var (from, to) = Window(Date(q, "start_date", errors), Date(q, "end_date", errors), now, errors);
        var page = Number(q, "page", 1, int.MaxValue, 1, errors);
        var pageSize = Number(q, "page_size", 1, MaxResults, MaxResults, errors);
        return (errors.Count > 0 ? null : new Open311Query(null, codes, from, to, open, page, pageSize), errors);
    }

    private static List<string> List(IQueryCollection q, string field) =>
        q[field].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();

    /// <summary>true: open only; false: closed only; null: both (the default).</summary>
    private static bool? Status(List<string> statuses, List<string> errors)
    {
        errors.AddRange(statuses.Where(s => !s.Equals("open", StringComparison.OrdinalIgnoreCase) && !s.Equals("closed", StringComparison.OrdinalIgnoreCase))
            .Select(s => $"status '{s}' is not a status: use open, closed, or both comma-separated."));
        var open = statuses.Any(s => s.Equals("open", StringComparison.OrdinalIgnoreCase));
        var closed = statuses.Any(s => s.Equals("closed", StringComparison.OrdinalIgnoreCase));
        return open == closed ? null : open;
    }

    /// <summary>
    /// The range from the dates sent: both (at most 90 days apart), one of them (90 days from or up to
    /// it) or none (the latest 90 days). end_date is inclusive: a time up to that instant, a bare date to the end of its day.
    /// </summary>
    private static (DateTimeOffset? From, DateTimeOffset? To) Window(DateOnlyOrTime? start, DateOnlyOrTime? end, DateTimeOffset now, List<string> errors)
    {
        switch (start, end)
        {
            case (null, null):
                return (now - MaxSpan, null);
            case ({ } s, null):
                return (s.At, Add(s.At, MaxSpan));
            case (null, { } e):
                return (Add(e.EndExclusive ?? e.At, -MaxSpan), e.EndExclusive);
            case ({ } s, { } e) when s.At >= (e.EndExclusive ?? DateTimeOffset.MaxValue):
                errors.Add("start_date must not be later than end_date.");
                return (null, null);
            // Measured between the dates as written, so that "the last 90 days" by bare dates is allowed.
            case ({ } s, { } e) when e.At - s.At > MaxSpan:
                errors.Add($"start_date and end_date may not span more than {MaxSpan.TotalDays:0} days.");
                return (null, null);
            case ({ } s, { } e):
                return (s.At, e.EndExclusive);
        }
    }

    private sealed record DateOnlyOrTime(DateTimeOffset At, DateTimeOffset? EndExclusive);

    private static DateOnlyOrTime? Date(IQueryCollection q, string field, List<string> errors)
    {
        var text = q[field].ToString().Trim();
        if (text.Length == 0)
            return null;
        if (!PlatformTime.TryParse(text, out var at))
        {
            errors.Add($"{field} '{text}' is not a w3 date-time, such as 2026-11-27T09:30:00+08:00 or 2026-11-27T01:30:00Z.");
            return null;
        }
        // A time bounds at that instant (plus a microsecond, the finest both databases keep); a bare date at the end of its day.
        if (text.Contains('T'))
            return new DateOnlyOrTime(at, Add(at, TimeSpan.FromMicroseconds(1)));
        return new DateOnlyOrTime(at, PlatformTime.TryParse(text, out var nextDay, endOfDay: true) ? nextDay : null);
    }

    /// <summary>The shifted instant, or null (unbounded) where it would leave the calendar.</summary>
    private static DateTimeOffset? Add(DateTimeOffset at, TimeSpan by) =>
        (by > TimeSpan.Zero ? DateTimeOffset.MaxValue - at > by : at - DateTimeOffset.MinValue > -by) ? at + by : null;

    private static int Number(IQueryCollection q, string field, int min, int max, int fallback, List<string> errors)
    {
        var text = q[field].ToString().Trim();
        if (text.Length == 0)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add($"{field} is a whole number from {min} to {max}.");
        return fallback;
    }
}
