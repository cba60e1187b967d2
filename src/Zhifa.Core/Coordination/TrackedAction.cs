namespace Zhifa.Core.Coordination;

public enum TrackedActionStatus
{
    Open,
    Done,
    /// <summary>Never stored: an open action whose deadline has passed.</summary>
    Overdue,
}

/// <summary>
/// A tracked action (督办事项): what a consultation decided one department must do, and by when. Only
/// that department completes it, once; it is overdue while open past its deadline.
/// </summary>
public sealed class TrackedAction
{
    public const int MaxTextLength = 1000;
    public const int MaxNoteLength = 1000;

    private TrackedAction() { }

    internal TrackedAction(Guid id, Guid consultationId, string centerCode, string text, string ownerDepartmentCode, DateTimeOffset deadline,
        string actor, DateTimeOffset now)
    {
        (Id, ConsultationId, CenterCode, Text, OwnerDepartmentCode, Deadline, CreatedBy, CreatedAt) =
            (id, consultationId, centerCode, text, ownerDepartmentCode, deadline, actor, now);
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    /// <summary>The consultation's centre, kept here so that a centre's actions are listed without the consultation.</summary>
    public string CenterCode { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string OwnerDepartmentCode { get; private set; } = "";
    public DateTimeOffset Deadline { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public string? CompletionNote { get; private set; }
    /// <summary>Bumped on every change: the store's concurrency token, so that an action is completed once however many click at once.</summary>
    public int Version { get; private set; }

    public bool IsDone => CompletedAt is not null;

    public bool IsOverdueAt(DateTimeOffset now) => !IsDone && now > Deadline;

    public TrackedActionStatus StatusAt(DateTimeOffset now) =>
        IsDone ? TrackedActionStatus.Done : IsOverdueAt(now) ? TrackedActionStatus.Overdue : TrackedActionStatus.Open;

    /// <summary>Completed by staff of the owner department, with a note of what was done; late completion is still completion.</summary>
    public void Complete(string departmentCode, string note, string actor, DateTimeOffset now)
    {
        if (departmentCode != OwnerDepartmentCode)
            throw new DomainException("action.not_owner", $"The action is owed by {OwnerDepartmentCode}; only its staff complete it.");
        if (IsDone)
            throw new DomainException("action.already_done", $"The action was completed at {CompletedAt:O} by {CompletedBy}.");
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("action.note_required", "Completing an action needs a note of what was done.");
        (CompletedAt, CompletedBy, CompletionNote) = (now, actor, note.Trim());
        Version++;
    }
}
