namespace Zhifa.Core.Incidents;

public sealed class InvalidTransitionException : DomainException
{
    public const string ErrorCode = "incident.invalid_transition";

    private InvalidTransitionException(Incident incident, IncidentAction action, string message)
        : base(ErrorCode, message)
    {
        From = incident.Status;
        Action = action;
        Allowed = IncidentLifecycle.AllowedFor(incident);
    }

    public IncidentStatus From { get; }
    public IncidentAction Action { get; }
    /// <summary>What the incident allows instead, so a client can recover without another read.</summary>
    public IReadOnlyList<string> Allowed { get; }

    internal static InvalidTransitionException NoRow(Incident incident, IncidentAction action)
    {
        var allowed = IncidentLifecycle.AllowedFor(incident);
        var tail = allowed.Count == 0
            ? IncidentLifecycle.IsFinal(incident.Status) ? $"{incident.Status} is final." : "No action is open to it now."
            : $"The allowed actions are: {string.Join(", ", allowed)}.";
        return new(incident, action, $"Cannot {action.ApiName()} incident {incident.Number} in status {incident.Status}. {tail}");
    }

    internal static InvalidTransitionException Guarded(Incident incident, IncidentAction action, string reason) =>
        new(incident, action, $"Cannot {action.ApiName()} incident {incident.Number} in status {incident.Status}: {reason}.");
}
