using Zhifa.Core.Matters;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;

namespace Zhifa.Core.Incidents;

/// <summary>How rework counts the handling clock again after a failed verification.</summary>
public enum ReworkClock
{
    /// <summary>A full handling limit from the failed verification: the department does the work again.</summary>
    Full,
    /// <summary>Only what was left of the handling limit when the department resolved it: rework is on its own time.</summary>
    Remaining,
}

/// <summary>
/// What the clocks of incidents are counted with: the working calendar, the limits for incidents whose
/// matter is unknown, the verification limit, the rework rule and the supervision ladder.
/// </summary>
public sealed record DeadlineRules(
    WorkingCalendar Calendar,
    TimeLimit DefaultAcceptLimit,
    TimeLimit DefaultHandleLimit,
    TimeLimit VerifyLimit,
    ReworkClock Rework,
    SupervisionLadder Ladder)
{
    public static DeadlineRules Default(WorkingCalendar calendar) => new(
        calendar,
        new TimeLimit(2, TimeLimitUnit.WorkingHours),
        new TimeLimit(5, TimeLimitUnit.WorkingDays),
        new TimeLimit(1, TimeLimitUnit.WorkingDays),
        ReworkClock.Full,
        SupervisionLadder.Default);
}
