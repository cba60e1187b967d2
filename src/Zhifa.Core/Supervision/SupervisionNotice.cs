using Zhifa.Core.Incidents;

namespace Zhifa.Core.Supervision;

/// <summary>
/// A reminder (催办) or a supervision notice (督办单, level 1–3) about one incident, to the department
/// that owes the work, or to the handling centre for a verification. Issued by the supervision worker
/// when a clock passes a step of the ladder, or by a supervisor by hand; acknowledged by its addressee.
/// </summary>
public sealed class SupervisionNotice
{
    public const int MaxReasonLength = 1000;
    public const string WorkerActor = "supervision";

    public Guid Id { get; init; }
    /// <summary>督办单 number, e.g. DB-330503-2026-00012; none for a reminder.</summary>
    public string? Number { get; init; }
    public Guid IncidentId { get; init; }
    public required string IncidentNumber { get; init; }
    /// <summary>The clock that caused it; null for a notice issued by hand.</summary>
    public Guid? DeadlineId { get; init; }
    public DeadlineKind? DeadlineKind { get; init; }
    public SupervisionLevel Level { get; init; }
    /// <summary>The addressee department; null when the notice is for the handling centre itself.</summary>
    public string? DepartmentCode { get; init; }
    public required string CenterCode { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public required string IssuedBy { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? AcknowledgementNote { get; private set; }

    public void Acknowledge(string actor, DateTimeOffset now, string? note)
    {
        if (AcknowledgedAt is not null)
            throw new DomainException("notice.already_acknowledged", $"Notice {Number ?? Id.ToString()} was acknowledged at {AcknowledgedAt:O} by {AcknowledgedBy}.");
        (AcknowledgedAt, AcknowledgedBy, AcknowledgementNote) = (now, actor, note);
    }
}
