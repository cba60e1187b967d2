namespace Zhifa.Core.Incidents;

public enum AssignmentRole
{
    Lead,
    Co,
}

public enum AssignmentStatus
{
    Dispatched,
    Accepted,
    Resolved,
    /// <summary>The department returned the incident ("not ours").</summary>
    Returned,
}

/// <summary>An incident handed to one department, as lead or co-department.</summary>
public sealed class Assignment
{
    public Guid IncidentId { get; init; }
    public required string DepartmentCode { get; init; }
    public AssignmentRole Role { get; init; }
    /// <summary>Order of assignment within the incident: lead first, then co-departments as dispatched.</summary>
    public int Position { get; init; }
    public AssignmentStatus Status { get; internal set; }
    public DateTimeOffset AssignedAt { get; init; }

    public bool IsActive => Status != AssignmentStatus.Returned;
}
