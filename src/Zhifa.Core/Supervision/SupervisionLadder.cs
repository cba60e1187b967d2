using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Time;

namespace Zhifa.Core.Supervision;

/// <summary>The steps of supervision (督办), each one step up from the last.</summary>
public enum SupervisionLevel
{
    /// <summary>催办: the light turned yellow; the department is reminded.</summary>
    Reminder = 0,
    /// <summary>督办单: the deadline passed; a numbered notice to the department and its leader.</summary>
    Notice = 1,
    /// <summary>重点督办: still open a further limit after the deadline.</summary>
    Priority = 2,
    /// <summary>挂牌督办: still open after the last limit; reported to the city centre.</summary>
    Listed = 3,
}

/// <summary>
/// When each step of supervision falls due for one clock: the reminder when it turns yellow, the
/// notice when it turns red, the level-2 and level-3 notices the configured limits after that, on
/// the working calendar. A clock's stage counts the steps taken: stage n means level n − 1 was issued.
/// </summary>
public sealed record SupervisionLadder(TimeLimit Level2After, TimeLimit Level3After)
{
    public const int TopStage = 4;

    public static SupervisionLadder Default { get; } = new(new TimeLimit(1, TimeLimitUnit.WorkingDays), new TimeLimit(3, TimeLimitUnit.WorkingDays));

    public static SupervisionLevel LevelOf(int stage) => (SupervisionLevel)(stage - 1);

    /// <summary>The moment stage <paramref name="stage"/> (1…4) falls due for <paramref name="deadline"/>.</summary>
    public DateTimeOffset EffectAt(Deadline deadline, int stage, WorkingCalendar calendar) => stage switch
    {
        1 => deadline.YellowAt,
        2 => deadline.DueAt,
        3 => calendar.DueAt(deadline.DueAt, Level2After),
        4 => calendar.DueAt(deadline.DueAt, Level3After),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>The highest stage whose moment has come at <paramref name="now"/> (0 when none).</summary>
    public int StageReachedAt(Deadline deadline, DateTimeOffset now, WorkingCalendar calendar)
    {
        var stage = 0;
        while (stage < TopStage && EffectAt(deadline, stage + 1, calendar) <= now)
            stage++;
        return stage;
    }
}
