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
    /// <summary>A co-department let go of the joint work: its part is no longer needed.</summary>
    Released,
}

/// <summary>An incident handed to one department, as lead or co-department.</summary>
public sealed class Assignment
{
    public const int MaxReasonLength = 500;

    public Guid IncidentId { get; init; }
    public required string DepartmentCode { get; init; }
    public AssignmentRole Role { get; init; }
    /// <summary>Order of assignment within the incident: lead first, then co-departments as dispatched.</summary>
    public int Position { get; init; }
    public AssignmentStatus Status { get; internal set; }
    public DateTimeOffset AssignedAt { get; init; }

    /// <summary>Why the department returned it, and whom it named instead: the two sides of a dispute.</summary>
    public string? ReturnReason { get; internal set; }
    public string? SuggestedDepartmentCode { get; internal set; }

    public bool IsActive => Status != AssignmentStatus.Returned;

    /// <summary>A co-department's part still owed: neither resolved nor released.</summary>
    public bool IsPendingCoWork => Role == AssignmentRole.Co && Status is AssignmentStatus.Dispatched or AssignmentStatus.Accepted;
}
