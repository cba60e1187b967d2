namespace Zhifa.Core.Incidents;

public enum IncidentStatus
{
    Reported,
    Dispatched,
    InProgress,
    Suspended,
    Resolved,
    Closed,
    Rejected,
    Merged,
    Disputed,
}
