using Zhifa.Core.Matters;

namespace Zhifa.Core.Incidents;

public enum ExtensionStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>A department's request for a longer limit (延期申请), decided by a dispatcher of the handling centre.</summary>
public sealed class ExtensionRequest
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; }
    public Guid IncidentId { get; init; }
    public DeadlineKind Kind { get; init; }
    public TimeLimit CurrentLimit { get; init; }
    public TimeLimit NewLimit { get; init; }
    public required string Reason { get; init; }
    public required string DepartmentCode { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public ExtensionStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>Approves it: the incident's clock takes the new limit, and its timeline says so.</summary>
    public void Approve(Incident incident, DeadlineRules rules, string actor, DateTimeOffset now, string? note)
    {
        RequirePending();
        incident.Extend(Kind, NewLimit, rules, now, actor, Reason);
        Decide(ExtensionStatus.Approved, actor, now, note);
    }

    public void Refuse(string actor, DateTimeOffset now, string? note)
    {
        RequirePending();
        Decide(ExtensionStatus.Refused, actor, now, note);
    }

    private void RequirePending()
    {
        if (Status != ExtensionStatus.Pending)
            throw new DomainException("extension.decided", $"The extension request was {Status.ToString().ToLowerInvariant()} already.");
    }

    private void Decide(ExtensionStatus status, string actor, DateTimeOffset now, string? note) =>
        (Status, DecidedBy, DecidedAt, DecisionNote) = (status, actor, now, note);
}
