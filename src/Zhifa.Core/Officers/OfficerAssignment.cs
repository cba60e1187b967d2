namespace Zhifa.Core.Officers;

/// <summary>A named officer sent to an incident by its lead department.</summary>
public sealed class OfficerAssignment
{
    public Guid IncidentId { get; init; }
    public Guid OfficerId { get; init; }
    public DateTimeOffset AssignedAt { get; set; }
    public required string AssignedBy { get; set; }
}
