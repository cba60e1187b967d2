using Zhifa.Core.Matters;

namespace Zhifa.Core.Incidents;

public sealed partial class Incident
{
    private readonly List<Deadline> _deadlines = [];

    /// <summary>Every clock the incident has run, open and ended, in the order they started.</summary>
    public IReadOnlyList<Deadline> Deadlines => _deadlines;

    /// <summary>The open clocks' worst light at <paramref name="now"/>, or null when no clock runs.</summary>
    public TrafficLight? LightAt(DateTimeOffset now) =>
        _deadlines.Where(d => d.IsOpen).Select(d => (TrafficLight?)d.LightAt(now)).Max();

    /// <summary>
    /// Moves the clocks after <paramref name="action"/>: dispatch starts accept-by, acceptance
    /// handle-by, resolution verify-by; each step done ends its clock as met, and leaving the step
    /// another way drops it. Suspension pauses every open clock and resumption restarts it. A failed
    /// verification starts handle-by again under the rework rule. Limits come from the matter, or the
    /// rules' defaults while the matter is unknown.
    /// </summary>
    public void RunClocks(IncidentAction action, Matter? matter, DeadlineRules rules, DateTimeOffset now)
    {
        switch (action)
        {
            case IncidentAction.Dispatch or IncidentAction.Rule or IncidentAction.Reopen:
                EndClocks(DeadlineOutcome.Dropped, now);
                StartClock(DeadlineKind.Accept, matter?.AcceptLimit ?? rules.DefaultAcceptLimit, rules, now);
                break;
            case IncidentAction.Accept:
                EndClock(DeadlineKind.Accept, DeadlineOutcome.Met, now);
                StartClock(DeadlineKind.Handle, matter?.HandleLimit ?? rules.DefaultHandleLimit, rules, now);
                break;
            case IncidentAction.Resolve:
                EndClock(DeadlineKind.Handle, DeadlineOutcome.Met, now);
                StartClock(DeadlineKind.Verify, rules.VerifyLimit, rules, now);
                break;
            case IncidentAction.VerifyPassed:
                EndClock(DeadlineKind.Verify, DeadlineOutcome.Met, now);
                break;
            case IncidentAction.VerifyFailed:
                EndClock(DeadlineKind.Verify, DeadlineOutcome.Met, now);
                Rework(matter, rules, now);
                break;
            case IncidentAction.Suspend:
                _deadlines.Where(d => d.IsOpen).ToList().ForEach(d => d.Pause(rules, now));
                break;
            case IncidentAction.Resume:
                _deadlines.Where(d => d.IsOpen).ToList().ForEach(d => d.Resume(rules, now));
                break;
            case IncidentAction.Return or IncidentAction.Reject or IncidentAction.Merge or IncidentAction.Escalate or IncidentAction.Dispute:
                EndClocks(DeadlineOutcome.Dropped, now);
                break;
            case IncidentAction.Report:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "No clock rule for this action.");
        }
    }

    /// <summary>The open clock of a kind, if one runs.</summary>
    public Deadline? OpenClock(DeadlineKind kind) => _deadlines.LastOrDefault(d => d.Kind == kind && d.IsOpen);

    /// <summary>The timeline action of an approved extension.</summary>
    public const string ExtendAction = "extend";

    /// <summary>An approved extension (延期) of the open clock of <paramref name="kind"/>: a longer limit from the same start.</summary>
    public void Extend(DeadlineKind kind, TimeLimit limit, DeadlineRules rules, DateTimeOffset now, string actor, string reason)
    {
        var clock = OpenClock(kind)
            ?? throw new DomainException("deadline.not_running", $"Incident {Number} has no {kind.ToString().ToLowerInvariant()} deadline running.");
        var before = clock.Limit;
        clock.Extend(limit, rules, now);
        Record(ExtendAction, Status, actor, now, $"{kind.ToString().ToLowerInvariant()} limit {before} → {limit}: {reason}");
    }

    private void Rework(Matter? matter, DeadlineRules rules, DateTimeOffset now)
    {
        var limit = matter?.HandleLimit ?? rules.DefaultHandleLimit;
        var last = _deadlines.LastOrDefault(d => d.Kind == DeadlineKind.Handle);
        var allowed = rules.Rework == ReworkClock.Remaining && last?.EndedAt is { } resolvedAt
            ? last.RemainingAt(resolvedAt, rules.Calendar)
            : rules.Calendar.Length(limit);
        _deadlines.Add(Deadline.Start(Id, DeadlineKind.Handle, limit, allowed, rules, now));
    }

    private void StartClock(DeadlineKind kind, TimeLimit limit, DeadlineRules rules, DateTimeOffset now) =>
        _deadlines.Add(Deadline.Start(Id, kind, limit, rules.Calendar.Length(limit), rules, now));

    private void EndClock(DeadlineKind kind, DeadlineOutcome outcome, DateTimeOffset now) => OpenClock(kind)?.End(outcome, now);

    private void EndClocks(DeadlineOutcome outcome, DateTimeOffset now) =>
        _deadlines.Where(d => d.IsOpen).ToList().ForEach(d => d.End(outcome, now));
}
