namespace Zhifa.Core.Incidents;

public sealed class InvalidTransitionException : DomainException
{
    public const string ErrorCode = "incident.invalid_transition";

    private InvalidTransitionException(IncidentStatus from, IncidentAction action, string message)
        : base(ErrorCode, message)
    {
        From = from;
        Action = action;
    }

    public IncidentStatus From { get; }
    public IncidentAction Action { get; }
    public IReadOnlyList<string> Allowed => IncidentLifecycle.AllowedFrom(From);

    internal static InvalidTransitionException NoRow(Incident incident, IncidentAction action)
    {
        var allowed = IncidentLifecycle.AllowedFrom(incident.Status);
        var tail = allowed.Count == 0
            ? $"{incident.Status} is final."
            : $"From {incident.Status} the allowed actions are: {string.Join(", ", allowed)}.";
        return new(incident.Status, action, $"Cannot {action.ApiName()} incident {incident.Number} in status {incident.Status}. {tail}");
    }

    internal static InvalidTransitionException Guarded(Incident incident, IncidentAction action, string reason) =>
        new(incident.Status, action, $"Cannot {action.ApiName()} incident {incident.Number} in status {incident.Status}: {reason}.");
}
