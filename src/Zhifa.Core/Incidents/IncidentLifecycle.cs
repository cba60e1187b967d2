using Zhifa.Core.Organization;
using static Zhifa.Core.Incidents.IncidentAction;
using static Zhifa.Core.Incidents.IncidentStatus;
using static Zhifa.Core.Organization.Role;

namespace Zhifa.Core.Incidents;

/// <summary>The one transition table of the incident life cycle (DESIGN.md §3). Everything else reads it.</summary>
public static class IncidentLifecycle
{
    private static readonly Role[] DepartmentStaff = [DepartmentOfficer, DepartmentLeader];

    public static IReadOnlyList<Transition> Table { get; } =
    [
        new(null, Report, Reported, [Channel, GridWorker, Dispatcher]),
        new(Reported, Dispatch, Dispatched, [Dispatcher, Router]),
        new(Reported, Reject, Rejected, [Dispatcher]),
        new(Reported, Merge, Merged, [Dispatcher, Router]),
        new(Reported, Escalate, Reported, [Dispatcher]),
        new(Reported, Dispute, Disputed, [Dispatcher],
            i => i.ReturnCount == 0 ? "only an incident that a department has returned can be disputed" : null),
        new(Disputed, Rule, Dispatched, [DutyCommander]),
        new(Dispatched, Accept, InProgress, DepartmentStaff),
        new(Dispatched, Return, Reported, DepartmentStaff,
            i => Bound(i) ?? (i.ReturnCount > 0 ? "it was returned once already: a second return goes to the duty commander as a dispute" : null)),
        // 争议处置: the same incident returned a second time does not go round the queue again; the duty commander rules.
        new(Dispatched, Return, Disputed, DepartmentStaff,
            i => Bound(i) ?? (i.ReturnCount == 0 ? "a first return goes back to the centre's queue" : null)),
        // 合成作战: the lead closes the joint work only when every co-department has done or been released from its part.
        new(InProgress, Resolve, Resolved, DepartmentStaff, Incident.CoWorkOwed),
        new(InProgress, Suspend, Suspended, [Dispatcher]),
        new(Suspended, Resume, InProgress, [Dispatcher]),
        new(Resolved, VerifyPassed, Closed, [Dispatcher, GridWorker]),
        new(Resolved, VerifyFailed, InProgress, [Dispatcher, GridWorker]),
        new(Closed, Reopen, Dispatched, [Dispatcher, Supervisor]),
    ];

    private static string? Bound(Incident i) =>
        i.BindingRuling ? "a duty commander's ruling binds the department; it cannot be returned" : null;

    /// <summary>Final states: no row leaves them.</summary>
    public static bool IsFinal(IncidentStatus status) => Table.All(t => t.From != status);

    /// <summary>Still being worked on: a new report may join it, another incident merge into it.</summary>
    public static bool IsOpen(IncidentStatus status) => !IsFinal(status) && status != IncidentStatus.Closed;

    /// <summary>The open statuses, for queries.</summary>
    public static readonly IncidentStatus[] OpenStatuses = [.. Enum.GetValues<IncidentStatus>().Where(IsOpen)];

    /// <summary>
    /// The first row for this action from this state. Rows that share a state and an action (the first
    /// and the second return) have guards that exclude each other; <see cref="Require"/> picks between them.
    /// </summary>
    public static Transition? Find(IncidentStatus? from, IncidentAction action) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>The API names of the actions the table allows from a state.</summary>
    public static IReadOnlyList<string> AllowedFrom(IncidentStatus from) =>
        Table.Where(t => t.From == from).Select(t => t.Action.ApiName()).Distinct().ToList();

    /// <summary>The API names of the actions this incident allows now: its status's rows whose guards pass.</summary>
    public static IReadOnlyList<string> AllowedFor(Incident incident) =>
        Table.Where(t => t.From == incident.Status && t.Guard?.Invoke(incident) is null)
            .Select(t => t.Action.ApiName()).Distinct().ToList();

    /// <summary>The row for this action on this incident, or a domain error that says why there is none.</summary>
    public static Transition Require(Incident incident, IncidentAction action)
    {
        var rows = Table.Where(t => t.From == incident.Status && t.Action == action).ToList();
        if (rows.Count == 0)
            throw InvalidTransitionException.NoRow(incident, action);
        return rows.FirstOrDefault(t => t.Guard?.Invoke(incident) is null)
            ?? throw InvalidTransitionException.Guarded(incident, action, rows[0].Guard!(incident)!);
    }
}
