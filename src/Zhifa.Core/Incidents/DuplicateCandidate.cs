namespace Zhifa.Core.Incidents;

/// <summary>
/// An open incident that a new incident may duplicate, found at intake with medium confidence and
/// kept for the dispatcher who decides: merge it, or let it stand on its own.
/// </summary>
public sealed class DuplicateCandidate
{
    public Guid IncidentId { get; init; }
    public Guid CandidateId { get; init; }
    public required string CandidateNumber { get; init; }
    public double DistanceMeters { get; init; }
    public double Score { get; init; }
}
