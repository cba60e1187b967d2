namespace Zhifa.Core.Incidents;

/// <summary>
/// 合成作战: each co-department accepts and resolves its own part of the incident, or is released from
/// it. These steps change an assignment, not the incident's status, so they are not rows of the
/// life-cycle table; the table's resolve row waits for them.
/// </summary>
public sealed partial class Incident
{
    public const string CoAcceptAction = "co-accept";
    public const string CoResolveAction = "co-resolve";
    public const string CoReleaseAction = "co-release";

    /// <summary>The co-departments whose part is still owed, in order of assignment.</summary>
    public IReadOnlyList<string> PendingCoDepartments =>
        [.. _assignments.Where(a => a.IsPendingCoWork).OrderBy(a => a.Position).Select(a => a.DepartmentCode)];

    /// <summary>A co-department takes on its part (协办签收).</summary>
    public void AcceptCoAssignment(string departmentCode, string actor, DateTimeOffset now, string? note = null)
    {
        var assignment = CoAssignment(departmentCode, "accept", AssignmentStatus.Dispatched);
        assignment.Status = AssignmentStatus.Accepted;
        Record(CoAcceptAction, Status, actor, now, WithDepartment(departmentCode, note));
    }

    /// <summary>A co-department reports its part done (协办办结).</summary>
    public void ResolveCoAssignment(string departmentCode, string result, string actor, DateTimeOffset now)
    {
        var assignment = CoAssignment(departmentCode, "resolve", AssignmentStatus.Accepted);
        assignment.Status = AssignmentStatus.Resolved;
        Record(CoResolveAction, Status, actor, now, WithDepartment(departmentCode, result));
    }

    /// <summary>The co-department's part is not needed after all: the lead or the centre lets it go.</summary>
    public void ReleaseCoAssignment(string departmentCode, string reason, string actor, DateTimeOffset now)
    {
        var assignment = CoAssignment(departmentCode, "release", AssignmentStatus.Dispatched, AssignmentStatus.Accepted);
        assignment.Status = AssignmentStatus.Released;
        Record(CoReleaseAction, Status, actor, now, WithDepartment(departmentCode, reason));
    }

    /// <summary>Why the lead cannot resolve yet, or null when no co-department's part is owed.</summary>
    internal static string? CoWorkOwed(Incident incident) => incident.PendingCoDepartments switch
    {
        [] => null,
        var owed => $"co-departments {string.Join(", ", owed)} have not resolved or been released from their part",
    };

    private Assignment CoAssignment(string departmentCode, string step, params AssignmentStatus[] from)
    {
        // Joint work runs while the departments hold the incident: between dispatch and resolution.
        if (Status is not (IncidentStatus.Dispatched or IncidentStatus.InProgress or IncidentStatus.Suspended))
            throw new DomainException("assignment.not_in_hand", $"Incident {Number} is {Status}; co-departments work on it between dispatch and resolution.");
        var assignment = _assignments.FirstOrDefault(a => a.Role == AssignmentRole.Co && a.IsActive && a.DepartmentCode == departmentCode)
            ?? throw new DomainException("assignment.not_found", $"Department {departmentCode} is not a co-department of incident {Number}.");
        if (!from.Contains(assignment.Status))
            throw new DomainException("assignment.invalid_step",
                $"Department {departmentCode}'s part of incident {Number} is {assignment.Status}; it cannot {step} it.");
        return assignment;
    }

    private static string WithDepartment(string departmentCode, string? text) =>
        string.IsNullOrWhiteSpace(text) ? departmentCode : $"{departmentCode}: {text}";
}
