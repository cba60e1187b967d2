using Zhifa.Core.Access;
using Zhifa.Core.Coordination;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Features.Coordination;

public sealed record ConsultationSummary(Guid Id, string Topic, DateTimeOffset ScheduledAt, string CenterCode, ConsultationKind Kind, string? Period,
    ConsultationStatus Status, int InvitedCount, int AgendaCount, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record ConsultationView(Guid Id, string Topic, DateTimeOffset ScheduledAt, string CenterCode, ConsultationKind Kind, string? Period,
    ConsultationStatus Status, bool Begun, string[] InvitedDepartmentCodes, AgendaItemView[] Agenda, Attendee[] Attendance, string? Minutes,
    ActionView[] Actions, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ClosedAt, string? ClosedBy)
{
    public static ConsultationView From(Consultation c, DateTimeOffset now) => new(c.Id, c.Topic, c.ScheduledAt, c.CenterCode, c.Kind, c.Period,
        c.Status, c.HasBegunAt(now), c.InvitedDepartmentCodes, [.. c.Agenda.Select(AgendaItemView.From)], [.. c.Attendance], c.Minutes,
        [.. c.Actions.OrderBy(a => a.CreatedAt).Select(a => ActionView.From(a, now))], c.CreatedAt, c.CreatedBy, c.ClosedAt, c.ClosedBy);
}

public sealed record AgendaItemView(Guid IncidentId, string IncidentNumber, AgendaSection Section, string Href)
{
    public static AgendaItemView From(AgendaItem a) => new(a.IncidentId, a.IncidentNumber, a.Section, $"/api/v1/incidents/{a.IncidentId}");
}

public sealed record ActionView(Guid Id, Guid ConsultationId, string CenterCode, string Text, string OwnerDepartmentCode, DateTimeOffset Deadline,
    TrackedActionStatus Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? CompletedAt, string? CompletedBy, string? CompletionNote)
{
    public static ActionView From(TrackedAction a, DateTimeOffset now) => new(a.Id, a.ConsultationId, a.CenterCode, a.Text, a.OwnerDepartmentCode,
        a.Deadline, a.StatusAt(now), a.CreatedAt, a.CreatedBy, a.CompletedAt, a.CompletedBy, a.CompletionNote);
}

public sealed record ScheduleBody(string? Topic, DateTimeOffset? ScheduledAt, string? CenterCode, string? Kind, string[]? InvitedDepartmentCodes,
    Guid[]? IncidentIds, bool? FromAgenda);
public sealed record AttendanceBody(AttendeeBody[]? Attendance);
public sealed record AttendeeBody(string? DepartmentCode, string? Name, bool? Present);
public sealed record MinutesBody(string? Minutes);
public sealed record DecisionBody(string? Text, string? OwnerDepartmentCode, DateTimeOffset? Deadline);
public sealed record CompleteBody(string? Note);

/// <summary>
/// Who sees which consultation and action. Centres' people (dispatchers, duty commanders, supervisors)
/// see those of their centre and the centres below it; department staff see the consultations they were
/// invited to and the actions their department owes; the admin sees all.
/// </summary>
public static class ConsultationAccess
{
    private static readonly IReadOnlySet<Role> CenterReaders = new HashSet<Role> { Role.Dispatcher, Role.DutyCommander, Role.Supervisor };
    private static readonly IReadOnlySet<Role> Organisers = new HashSet<Role> { Role.Dispatcher, Role.DutyCommander };

    public static IQueryable<Consultation> Readable(this IQueryable<Consultation> consultations, Jurisdiction caller)
    {
        var (everything, readsCenters, centers, department) = Scope(caller);
        return consultations.Where(c => everything || (readsCenters && centers.Contains(c.CenterCode))
            || (department != null && c.InvitedDepartmentCodes.Contains(department)));
    }

    public static IQueryable<TrackedAction> Readable(this IQueryable<TrackedAction> actions, Jurisdiction caller)
    {
        var (everything, readsCenters, centers, department) = Scope(caller);
        return actions.Where(a => everything || (readsCenters && centers.Contains(a.CenterCode)) || (department != null && a.OwnerDepartmentCode == department));
    }

    /// <summary>Whether the caller organises consultations of <paramref name="centerCode"/>: its (or a higher centre's) dispatchers and duty commanders, and the admin.</summary>
    public static bool Organises(Jurisdiction caller, string centerCode) =>
        caller.Roles.Contains(Role.Admin) || (caller.Roles.Overlaps(Organisers) && (caller.WholeCity || caller.CenterCodes.Contains(centerCode)));

    /// <summary>Whether the caller reads a centre's agenda: its people and those above, and the admin.</summary>
    public static bool CoversCenter(Jurisdiction caller, string centerCode) =>
        caller.Roles.Contains(Role.Admin) || (caller.Roles.Overlaps(CenterReaders) && (caller.WholeCity || caller.CenterCodes.Contains(centerCode)));

    private static (bool Everything, bool ReadsCenters, string[] Centers, string? Department) Scope(Jurisdiction caller)
    {
        var readsCenters = caller.Roles.Overlaps(CenterReaders);
        return (caller.Roles.Contains(Role.Admin) || (readsCenters && caller.WholeCity), readsCenters, caller.CenterCodes,
            caller.IsDepartmentStaff ? caller.DepartmentCode : null);
    }
}
