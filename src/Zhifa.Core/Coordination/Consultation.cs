namespace Zhifa.Core.Coordination;

public enum ConsultationKind
{
    /// <summary>临时会商: called when something needs it.</summary>
    AdHoc,
    /// <summary>周研判: proposed each Monday morning.</summary>
    Weekly,
    /// <summary>月会商: proposed on the first working day of the month.</summary>
    Monthly,
}

public enum ConsultationStatus
{
    /// <summary>Not closed: attendance can be taken and, once it has begun, minutes and decisions recorded.</summary>
    Open,
    /// <summary>Closed: the record is final.</summary>
    Closed,
}

/// <summary>
/// A joint consultation (联合会商) called by a command centre: the departments it invites, the incidents
/// on its agenda, who came, the minutes and the decisions, each of which becomes a tracked action
/// (督办事项) owed by one department. Minutes and decisions are the meeting's own record, so they are
/// taken only once it has begun; once closed, nothing about it changes.
/// </summary>
public sealed class Consultation
{
    public const int MaxTopicLength = 200;
    public const int MaxMinutesLength = 20_000;
    public const int MaxPeriodLength = 16;
    public const int MaxInvited = 30;
    public const int MaxAgenda = 200;
    /// <summary>Everyone invited and the centre's own people, with room to spare: an attendance list longer than this is a mistake.</summary>
    public const int MaxAttendance = MaxInvited + 20;

    private readonly List<AgendaItem> _agenda = [];
    private readonly List<Attendee> _attendance = [];
    private readonly List<TrackedAction> _actions = [];

    private Consultation() { }

    public Guid Id { get; private set; }
    public string Topic { get; private set; } = "";
    public DateTimeOffset ScheduledAt { get; private set; }
    public string CenterCode { get; private set; } = "";
    public ConsultationKind Kind { get; private set; }
    /// <summary>The week (2026-W48) or month (2026-11) a weekly or monthly consultation is for: one per centre and period.</summary>
    public string? Period { get; private set; }
    public string[] InvitedDepartmentCodes { get; private set; } = [];
    public ConsultationStatus Status { get; private set; }
    public string? Minutes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    /// <summary>Bumped on every change: the store's concurrency token, so that of two organisers changing it at once, the second is refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => _agenda;
    public IReadOnlyList<Attendee> Attendance => _attendance;
    public IReadOnlyList<TrackedAction> Actions => _actions;

    public bool HasBegunAt(DateTimeOffset now) => ScheduledAt <= now;

    public static Consultation Schedule(string topic, DateTimeOffset scheduledAt, string centerCode, ConsultationKind kind, string? period,
        IEnumerable<string> invitedDepartmentCodes, IEnumerable<AgendaItem> agenda, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(topic))
            throw new DomainException("consultation.topic_required", "A consultation needs a topic.");
        var consultation = new Consultation
        {
            Id = Guid.CreateVersion7(now), Topic = topic.Trim(), ScheduledAt = scheduledAt, CenterCode = centerCode, Kind = kind,
            Period = kind == ConsultationKind.AdHoc ? null : period,
            InvitedDepartmentCodes = [.. invitedDepartmentCodes.Distinct()], Status = ConsultationStatus.Open, CreatedAt = now, CreatedBy = actor,
        };
        // One line per incident: an incident both disputed and overdue is raised once, under its first reason.
        consultation._agenda.AddRange(agenda.DistinctBy(a => a.IncidentId));
        return consultation;
    }

    /// <summary>Who came and who did not; replaces what was recorded before. Allowed until the consultation is closed.</summary>
    public void RecordAttendance(IEnumerable<Attendee> attendance)
    {
        EnsureOpen();
        _attendance.Clear();
        _attendance.AddRange(attendance);
        Version++;
    }

    public void RecordMinutes(string minutes, DateTimeOffset now)
    {
        EnsureInSession(now, "minutes");
        Minutes = minutes;
        Version++;
    }

    /// <summary>A decision (决定): it becomes an action the owner department must complete by the deadline.</summary>
    public TrackedAction Decide(string text, string ownerDepartmentCode, DateTimeOffset deadline, string actor, DateTimeOffset now)
    {
        EnsureInSession(now, "decisions");
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainException("consultation.decision_text_required", "A decision needs its text.");
        if (deadline <= now)
            throw new DomainException("consultation.deadline_past", $"The deadline {deadline:O} has already passed.");
        var action = new TrackedAction(Guid.CreateVersion7(now), Id, CenterCode, text.Trim(), ownerDepartmentCode, deadline, actor, now);
        _actions.Add(action);
        // A decision changes the consultation too, so that it cannot slip in beside a close.
        Version++;
        return action;
    }

    public void Close(string actor, DateTimeOffset now)
    {
        EnsureInSession(now, "closing");
        (Status, ClosedAt, ClosedBy) = (ConsultationStatus.Closed, now, actor);
        Version++;
    }

    private void EnsureOpen()
    {
        if (Status == ConsultationStatus.Closed)
            throw new DomainException("consultation.closed", $"The consultation was closed at {ClosedAt:O}; its record no longer changes.");
    }

    private void EnsureInSession(DateTimeOffset now, string what)
    {
        EnsureOpen();
        if (!HasBegunAt(now))
            throw new DomainException("consultation.not_started", $"The consultation begins at {ScheduledAt:O}; {what} wait until then.");
    }
}

/// <summary>Why an incident is on a consultation's agenda: the four sections of a proposed agenda, or raised by hand.</summary>
public enum AgendaSection
{
    /// <summary>待裁定争议: disputed between departments.</summary>
    Dispute,
    /// <summary>超期事件: a clock ran out.</summary>
    Overdue,
    /// <summary>重点/挂牌督办: under level-2 or level-3 supervision.</summary>
    Supervised,
    /// <summary>高发点位: the same matter three times or more in one grid within 30 days.</summary>
    Hotspot,
    /// <summary>Named by the organiser.</summary>
    Raised,
}

/// <summary>One incident on the agenda, with the reason it is there.</summary>
public sealed record AgendaItem(Guid IncidentId, string IncidentNumber, AgendaSection Section);

/// <summary>One person at (or absent from) the consultation, for the department or centre they speak for.</summary>
public sealed record Attendee(string DepartmentCode, string Name, bool Present)
{
    public const int MaxNameLength = 40;
}
