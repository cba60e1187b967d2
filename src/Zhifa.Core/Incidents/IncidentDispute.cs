namespace Zhifa.Core.Incidents;

/// <summary>
/// 争议: a department returned the incident and the centre could not settle who is responsible, so the
/// duty commander rules. It names both sides (the department that returned it, and the one it named)
/// and, once ruled, the department ruled responsible with the reason and the legal basis: the evidence
/// for amending the responsibility list.
/// </summary>
public sealed class IncidentDispute
{
    public const int MaxTextLength = 500;
    public const int MaxLegalBasisLength = 200;

    public Guid IncidentId { get; init; }
    /// <summary>Position among the incident's disputes, from 1.</summary>
    public int Seq { get; init; }
    public string? MatterCode { get; init; }
    public required string HandlingCenterCode { get; init; }
    public required string ReturnedByDepartmentCode { get; init; }
    public string? SuggestedDepartmentCode { get; init; }
    public required string Reason { get; init; }
    /// <summary>Opened by the second return itself, not by a dispatcher.</summary>
    public bool Automatic { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public required string OpenedBy { get; init; }

    public DateTimeOffset? RuledAt { get; private set; }
    public string? RuledBy { get; private set; }
    public string? RuledDepartmentCode { get; private set; }
    public string? RulingReason { get; private set; }
    public string? LegalBasis { get; private set; }

    public bool IsOpen => RuledAt is null;

    internal void Settle(string departmentCode, string reason, string? legalBasis, string actor, DateTimeOffset now)
    {
        RuledAt = now;
        RuledBy = Text.Truncate(actor, TimelineEntry.MaxActorLength);
        RuledDepartmentCode = departmentCode;
        RulingReason = Text.Truncate(reason, MaxTextLength);
        LegalBasis = legalBasis is null ? null : Text.Truncate(legalBasis, MaxLegalBasisLength);
    }
}

public sealed partial class Incident
{
    private IncidentDispute OpenDispute(bool automatic, string reason, string actor, DateTimeOffset now)
    {
        // The table lets an incident into Disputed only after a return, so a returned lead is there: the
        // latest by position, as a loaded incident's assignments come in no particular order.
        var returned = _assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status == AssignmentStatus.Returned).MaxBy(a => a.Position)
            ?? throw new DomainException("incident.no_return", $"Incident {Number} was never returned by a department; there is no dispute to rule on.");
        var dispute = new IncidentDispute
        {
            IncidentId = Id,
            Seq = _disputes.Count + 1,
            MatterCode = MatterCode,
            HandlingCenterCode = HandlingCenterCode,
            ReturnedByDepartmentCode = returned.DepartmentCode,
            SuggestedDepartmentCode = returned.SuggestedDepartmentCode,
            Reason = Text.Truncate(automatic ? returned.ReturnReason ?? reason : reason, IncidentDispute.MaxTextLength),
            Automatic = automatic,
            OpenedAt = now,
            OpenedBy = Text.Truncate(actor, TimelineEntry.MaxActorLength),
        };
        _disputes.Add(dispute);
        return dispute;
    }
}
