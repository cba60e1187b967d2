namespace Zhifa.Core.Matters;

public enum TimeLimitUnit
{
    /// <summary>wh: working hours on the working calendar.</summary>
    WorkingHours,
    /// <summary>wd: working days on the working calendar.</summary>
    WorkingDays,
    /// <summary>nm: natural (wall-clock) minutes.</summary>
    NaturalMinutes,
    /// <summary>nh: natural (wall-clock) hours.</summary>
    NaturalHours,
}
