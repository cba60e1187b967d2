using System.Globalization;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;

namespace Zhifa.Server.Features.Deadlines;

/// <summary>
/// <c>Deadlines</c> in configuration: the working hours, the limits that the responsibility list does
/// not give (verification, and accept and handle while the matter is unknown), the rework rule and
/// the supervision ladder's further limits. Read once at start; a bad value stops the start.
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Local working periods, "HH:mm-HH:mm", in order.</summary>
    public string[] WorkingHours { get; set; } = ["08:30-12:00", "13:30-17:30"];
    public string VerifyLimit { get; set; } = "1wd";
    public string DefaultAcceptLimit { get; set; } = "2wh";
    public string DefaultHandleLimit { get; set; } = "5wd";
    /// <summary>Full (a new handling limit after a failed verification) or Remaining (what was left at resolution).</summary>
    public ReworkClock Rework { get; set; } = ReworkClock.Full;
    /// <summary>How long past the deadline the level-2 notice (重点督办) follows.</summary>
    public string Level2After { get; set; } = "1wd";
    /// <summary>How long past the deadline the level-3 notice (挂牌督办) follows.</summary>
    public string Level3After { get; set; } = "3wd";

    public IReadOnlyList<WorkPeriod> Periods() => [.. WorkingHours.Select(ParsePeriod)];

    public DeadlineRules Rules(WorkingCalendar calendar) => new(
        calendar,
        Limit(DefaultAcceptLimit, nameof(DefaultAcceptLimit)),
        Limit(DefaultHandleLimit, nameof(DefaultHandleLimit)),
        Limit(VerifyLimit, nameof(VerifyLimit)),
        Rework,
        new SupervisionLadder(Limit(Level2After, nameof(Level2After)), Limit(Level3After, nameof(Level3After))));

    private static TimeLimit Limit(string text, string name) =>
        TimeLimit.TryParse(text, out var limit) ? limit
            : throw new InvalidOperationException($"{Section}:{name} '{text}' is not a time limit such as 2wh, 1wd, 30nm or 4nh.");

    private static WorkPeriod ParsePeriod(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return new WorkPeriod(start, end);
        throw new InvalidOperationException($"{Section}:WorkingHours '{text}' is not a period such as 08:30-12:00.");
    }
}
