using Zhifa.Core.Matters;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;

namespace Zhifa.Core.Incidents;

public enum DeadlineKind
{
    /// <summary>Accept-by (签收时限), counted from dispatch.</summary>
    Accept,
    /// <summary>Handle-by (办结时限), counted from acceptance.</summary>
    Handle,
    /// <summary>Verify-by (核查时限), counted from resolution.</summary>
    Verify,
}

public enum TrafficLight
{
    Green,
    Yellow,
    Red,
}

public enum DeadlineOutcome
{
    /// <summary>The step it timed was done (accepted, resolved, verified).</summary>
    Met,
    /// <summary>The incident left the step another way: returned, rejected, merged, escalated, dispatched anew.</summary>
    Dropped,
}

/// <summary>
/// One running clock of an incident (时限). Time is counted in the limit's own kind of time, working
/// or natural. The clock runs in stretches: <see cref="Consumed"/> holds what earlier stretches used
/// (before a suspension), <see cref="RunningSince"/> when the current stretch began. From these and
/// <see cref="Allowed"/> follow the instants it turns yellow (80 % used) and red (all used), stored so
/// that lists filter by light and the supervision worker finds due clocks in SQL.
/// </summary>
public sealed class Deadline
{
    /// <summary>The share of the limit used at which the light turns yellow.</summary>
    public const double YellowShare = 0.8;

    internal Deadline() { }

    public Guid Id { get; init; }
    public Guid IncidentId { get; init; }
    public DeadlineKind Kind { get; init; }
    public TimeLimit Limit { get; private set; }
    public bool WorkingTime { get; private set; }
    public TimeSpan Allowed { get; private set; }
    public TimeSpan Consumed { get; private set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset RunningSince { get; private set; }
    public DateTimeOffset YellowAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public DeadlineOutcome? Outcome { get; private set; }
    /// <summary>How far up the supervision ladder the worker has gone: 0 none, then one per <see cref="SupervisionLevel"/> passed.</summary>
    public int Stage { get; private set; }
    /// <summary>When the ladder's next step falls due; null when the clock is paused, ended or at the top.</summary>
    public DateTimeOffset? NextEffectAt { get; private set; }

    public bool IsOpen => EndedAt is null;
    public bool IsPaused => PausedAt is not null;

    /// <summary>The light at <paramref name="now"/>; a paused clock shows the light it had when paused.</summary>
    public TrafficLight LightAt(DateTimeOffset now)
    {
        var at = EndedAt ?? PausedAt ?? now;
        return at >= DueAt ? TrafficLight.Red : at >= YellowAt ? TrafficLight.Yellow : TrafficLight.Green;
    }

    /// <summary>The time still left at <paramref name="now"/>, in the limit's kind of time (zero once red).</summary>
    public TimeSpan RemainingAt(DateTimeOffset now, WorkingCalendar calendar) =>
        Allowed - Consumed - (PausedAt is null ? calendar.Between(RunningSince, now, WorkingTime) : TimeSpan.Zero) is var left && left > TimeSpan.Zero
            ? left : TimeSpan.Zero;

    internal static Deadline Start(Guid incidentId, DeadlineKind kind, TimeLimit limit, TimeSpan allowed, DeadlineRules rules, DateTimeOffset now)
    {
        var deadline = new Deadline
        {
            Id = Guid.CreateVersion7(now), IncidentId = incidentId, Kind = kind, StartedAt = now,
            Limit = limit, WorkingTime = WorkingCalendar.CountsWorkingTime(limit), Allowed = allowed, RunningSince = now,
        };
        deadline.Schedule(rules, now);
        return deadline;
    }

    internal void End(DeadlineOutcome outcome, DateTimeOffset now)
    {
        if (!IsOpen)
            return;
        EndedAt = now;
        Outcome = outcome;
        NextEffectAt = null;
    }

    internal void Pause(DeadlineRules rules, DateTimeOffset now)
    {
        if (!IsOpen || IsPaused)
            return;
        Consumed += rules.Calendar.Between(RunningSince, now, WorkingTime);
        PausedAt = now;
        NextEffectAt = null;
    }

    internal void Resume(DeadlineRules rules, DateTimeOffset now)
    {
        if (!IsOpen || !IsPaused)
            return;
        PausedAt = null;
        RunningSince = now;
        Schedule(rules, now);
    }

    /// <summary>An approved extension (延期): the new limit replaces the old, counted from the same start.</summary>
    internal void Extend(TimeLimit limit, DeadlineRules rules, DateTimeOffset now)
    {
        if (WorkingCalendar.CountsWorkingTime(limit) != WorkingTime)
            throw new DomainException("deadline.extension_unit", $"The new limit {limit} must count {(WorkingTime ? "working" : "natural")} time, as {Limit} does.");
        var allowed = rules.Calendar.Length(limit);
        if (allowed <= Allowed)
            throw new DomainException("deadline.extension_shorter", $"The new limit {limit} must be longer than the current {Limit}.");
        if (!IsPaused)
        {
            Consumed += rules.Calendar.Between(RunningSince, now, WorkingTime);
            RunningSince = now;
        }
        (Limit, Allowed) = (limit, allowed);
        Schedule(rules, now);
        if (IsPaused)
            NextEffectAt = null;
    }

    /// <summary>
    /// The supervision worker took the ladder up to <paramref name="stage"/>; its next step follows.
    /// </summary>
    public void Climb(int stage, DeadlineRules rules)
    {
        Stage = stage;
        NextEffectAt = stage < SupervisionLadder.TopStage ? rules.Ladder.EffectAt(this, stage + 1, rules.Calendar) : null;
    }

    // Yellow and red fall where the rest of the allowance runs out from the current stretch's start,
    // or, while paused, from the pause (Consumed already holds the stretch up to it).
    // Steps of the ladder whose moment moved into the future (an extension) are open again.
    private void Schedule(DeadlineRules rules, DateTimeOffset now)
    {
        var calendar = rules.Calendar;
        var from = PausedAt ?? RunningSince;
        var toYellow = Allowed * YellowShare - Consumed;
        var toDue = Allowed - Consumed;
        YellowAt = toYellow > TimeSpan.Zero ? calendar.Add(from, toYellow, WorkingTime) : Min(YellowAt == default ? now : YellowAt, now);
        DueAt = toDue > TimeSpan.Zero ? calendar.Add(from, toDue, WorkingTime) : Min(DueAt == default ? now : DueAt, now);
        Stage = Math.Min(Stage, rules.Ladder.StageReachedAt(this, now, calendar));
        Climb(Stage, rules);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
