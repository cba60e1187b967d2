using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;

namespace Zhifa.Core.Access;

/// <summary>
/// Who sees which incident, and who may take which row of the life-cycle table. Visibility is one
/// expression: translated to SQL for lists and compiled once for an incident already loaded.
/// </summary>
public static class IncidentAccess
{
    private static readonly Expression<Func<Incident, Jurisdiction, bool>> VisibleRule = (i, j) =>
        // Region readers: incidents handled by their centre or one below it, and incidents located in
        // their region, so a centre keeps seeing what it escalated.
        (j.ReadsRegion && (j.WholeCity
            || j.CenterCodes.Contains(i.HandlingCenterCode)
            || (j.CountyCode != null && i.CountyCode == j.CountyCode)
            || (j.TownshipCode != null && i.TownshipCode == j.TownshipCode)))
        // Department staff: incidents assigned to their department, as lead or co, now or before a return.
        || (j.IsDepartmentStaff && i.Assignments.Any(a => a.DepartmentCode == j.DepartmentCode))
        // Grid workers: their own clues, and the verification tasks (resolved, then closed) in their grids.
        || (j.IsGridWorker && ((j.UserId != null && i.Clues.Any(c => c.SubmittedBy == j.UserId))
            || (i.GridCode != null && j.GridCodes.Contains(i.GridCode)
                && (i.Status == IncidentStatus.Resolved || i.Status == IncidentStatus.Closed))));

    private static readonly Func<Incident, Jurisdiction, bool> VisibleCompiled = VisibleRule.Compile();

    /// <summary>The visibility rule for <paramref name="caller"/>, ready for a LINQ provider.</summary>
    public static Expression<Func<Incident, bool>> Visible(Jurisdiction caller)
    {
        var incident = VisibleRule.Parameters[0];
        // Read through a box, as a closure would be: the provider then sends the caller's values as
        // parameters and caches one query plan for every caller, instead of one per caller.
        var box = Expression.Field(Expression.Constant(new StrongBox<Jurisdiction>(caller)), nameof(StrongBox<Jurisdiction>.Value));
        var body = new Bind(VisibleRule.Parameters[1], box).Visit(VisibleRule.Body);
        return Expression.Lambda<Func<Incident, bool>>(body, incident);
    }

    /// <summary>The same rule for an incident in memory (its clues and assignments loaded).</summary>
    public static bool IsVisible(Incident incident, Jurisdiction caller) => VisibleCompiled(incident, caller);

    /// <summary>
    /// Whether <paramref name="caller"/> holds a role of the row's "who" column, and holds it over this
    /// incident: a dispatcher or duty commander for the handling centre or one above it, department staff
    /// for the lead department, a grid worker for the incident's grid, a supervisor for the handling centre or one above it.
    /// </summary>
    public static bool MayTake(Transition row, Incident incident, Jurisdiction caller) =>
        row.Who.Any(role => caller.Roles.Contains(role) && Covers(role, incident, caller));

    private static bool Covers(Role role, Incident incident, Jurisdiction caller) => role switch
    {
        // A centre acts on what it handles (or a centre below it handles), not on what it only sees, such as
        // an incident it escalated.
        Role.Dispatcher or Role.DutyCommander or Role.Supervisor => HandledWithin(incident, caller),
        Role.DepartmentOfficer or Role.DepartmentLeader => LedBy(incident, caller),
        Role.GridWorker => incident.GridCode is not null && caller.GridCodes.Contains(incident.GridCode),
        _ => false,
    };

    /// <summary>Whether the incident's handling centre is the caller's centre or one below it.</summary>
    /// <summary>Whether the caller is staff of the incident's lead department, which owes the work.</summary>
    public static bool LedBy(Incident incident, Jurisdiction caller) =>
        caller.DepartmentCode is not null && incident.Lead?.DepartmentCode == caller.DepartmentCode;

    public static bool HandledWithin(Incident incident, Jurisdiction caller) =>
        caller.WholeCity || caller.CenterCodes.Contains(incident.HandlingCenterCode);

    /// <summary>The roles people sign in with that appear in some row for the action.</summary>
    public static IReadOnlySet<Role> RolesFor(IncidentAction action) =>
        IncidentLifecycle.Table.Where(t => t.Action == action).SelectMany(t => t.Who).ToHashSet();

    private sealed class Bind(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : node;
    }
}
