namespace Zhifa.Core.Incidents;

public sealed partial class Incident
{
    /// <summary>The lead department takes the incident on (签收).</summary>
    public void Accept(string actor, DateTimeOffset now, string? note = null)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Accept);
        SetLeadStatus(AssignmentStatus.Accepted);
        Apply(row, actor, now, note);
    }

    /// <summary>"Not ours" (退回): back to the centre's triage queue with the reason.</summary>
    public void Return(string reason, string? suggestedDepartmentCode, string actor, DateTimeOffset now)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Return);
        // The lead's reason and suggestion stay with its assignment: a dispute opened later names both sides.
        Lead!.ReturnReason = Text.Truncate(reason, Assignment.MaxReasonLength);
        Lead.SuggestedDepartmentCode = suggestedDepartmentCode;
        foreach (var assignment in _assignments.Where(a => a.IsActive))
            assignment.Status = AssignmentStatus.Returned;
        ReturnCount++;
        var suggestion = suggestedDepartmentCode is null ? "" : $" (suggests {suggestedDepartmentCode})";
        Apply(row, actor, now, reason + suggestion);
        if (Status == IncidentStatus.Disputed)
            OpenDispute(automatic: true, reason, actor, now);
    }

    public void Resolve(string result, string actor, DateTimeOffset now)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Resolve);
        SetLeadStatus(AssignmentStatus.Resolved);
        Apply(row, actor, now, result);
    }

    public const string SuspensionRequestAction = "suspend-request";

    /// <summary>
    /// The lead department asks for the clock to stop (申请暂停), e.g. while waiting for a test report.
    /// The request is on the timeline; a dispatcher then suspends, which the table gives to them.
    /// </summary>
    public void RequestSuspension(string reason, string actor, DateTimeOffset now)
    {
        if (Status != IncidentStatus.InProgress)
            throw new DomainException("incident.suspension_not_in_progress", $"Incident {Number} is {Status}; only work in progress can be suspended.");
        Record(SuspensionRequestAction, Status, actor, now, reason);
    }

    public void Suspend(string reason, string actor, DateTimeOffset now) =>
        Apply(IncidentLifecycle.Require(this, IncidentAction.Suspend), actor, now, reason);

    public void Resume(string actor, DateTimeOffset now, string? note = null) =>
        Apply(IncidentLifecycle.Require(this, IncidentAction.Resume), actor, now, note);

    /// <summary>On-site check of the result (核查): passed closes the loop, failed sends it back for rework.</summary>
    public void Verify(bool passed, string actor, DateTimeOffset now, string? note = null)
    {
        var row = IncidentLifecycle.Require(this, passed ? IncidentAction.VerifyPassed : IncidentAction.VerifyFailed);
        if (passed)
        {
            ClosedAt = now;
        }
        else
        {
            ReworkCount++;
            SetLeadStatus(AssignmentStatus.Accepted);
        }
        Apply(row, actor, now, note ?? (passed ? "passed" : "failed"));
    }

    /// <summary>A closed incident comes back to the same departments as rework.</summary>
    public void Reopen(string reason, string actor, DateTimeOffset now)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Reopen);
        // Released co-departments stay released: the rework is the same joint work as before.
        foreach (var assignment in _assignments.Where(a => a.IsActive && a.Status != AssignmentStatus.Released))
            assignment.Status = AssignmentStatus.Dispatched;
        ReworkCount++;
        ClosedAt = null;
        Apply(row, actor, now, reason);
    }

    private void Assign(string leadDepartmentCode, IReadOnlyList<string> coDepartmentCodes, DateTimeOffset now)
    {
        // Dispatch and rule start from Reported or Disputed, where every earlier assignment was
        // returned; those stay as history beside the new ones.
        _assignments.Add(NewAssignment(leadDepartmentCode, AssignmentRole.Lead, now));
        foreach (var code in coDepartmentCodes.Where(c => c != leadDepartmentCode).Distinct())
            _assignments.Add(NewAssignment(code, AssignmentRole.Co, now));
    }

    private Assignment NewAssignment(string departmentCode, AssignmentRole role, DateTimeOffset now) => new()
    {
        IncidentId = Id,
        DepartmentCode = departmentCode,
        Role = role,
        Position = _assignments.Count == 0 ? 1 : _assignments.Max(a => a.Position) + 1,
        Status = AssignmentStatus.Dispatched,
        AssignedAt = now,
    };

    private void SetLeadStatus(AssignmentStatus status)
    {
        if (Lead is { } lead)
            lead.Status = status;
    }

    private static string CoNote(IReadOnlyList<string> co) => co.Count == 0 ? "" : $", co {string.Join(", ", co)}";

    private void Apply(Transition row, string actor, DateTimeOffset now, string? note)
    {
        var from = Status;
        Status = row.To;
        Record(row.Action.ApiName(), from, actor, now, note);
    }

    private void Record(string action, IncidentStatus? from, string actor, DateTimeOffset now, string? note)
    {
        Version++;
        UpdatedAt = now;
        _timeline.Add(new TimelineEntry
        {
            IncidentId = Id,
            Seq = Version,
            At = now,
            Action = action,
            FromStatus = from,
            ToStatus = Status,
            Actor = Text.Truncate(actor, TimelineEntry.MaxActorLength),
            // Notes built from user text plus generated context must still fit the column.
            Note = note is null ? null : Text.Truncate(note, TimelineEntry.MaxNoteLength),
        });
    }
}
