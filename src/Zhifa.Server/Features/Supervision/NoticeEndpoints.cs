using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Supervision;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Supervision;

public sealed record NoticeView(Guid Id, string? Number, Guid IncidentId, string IncidentNumber, DeadlineKind? DeadlineKind, SupervisionLevel Level,
    string? DepartmentCode, string CenterCode, DateTimeOffset IssuedAt, string IssuedBy, string Reason,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgementNote)
{
    public static NoticeView From(SupervisionNotice n) => new(n.Id, n.Number, n.IncidentId, n.IncidentNumber, n.DeadlineKind, n.Level,
        n.DepartmentCode, n.CenterCode, n.IssuedAt, n.IssuedBy, n.Reason, n.AcknowledgedAt, n.AcknowledgedBy, n.AcknowledgementNote);
}

public sealed record AcknowledgeBody(string? Note);
public sealed record IssueNoticeBody(string? Level, string? Reason);

/// <summary>
/// Reminders and supervision notices (催办, 督办单): listed for the centres that handle their incidents
/// and the departments they are addressed to, acknowledged by their addressee, issued by hand by
/// supervisors, and counted per department.
/// </summary>
public static class NoticeEndpoints
{
    public static void MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var notices = app.MapGroup("/api/v1/notices").WithTags("Supervision");
        notices.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.ReadNotices).WithSummary("Reminders and notices, newest first");
        notices.MapGet("/counts", NoticeCounts.CountAsync).RequireAuthorization(AccessPolicies.ReadNotices).WithSummary("Notices per department and level");
        notices.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync).RequireAuthorization(AccessPolicies.AcknowledgeNotices)
            .WithSummary("Acknowledge a notice addressed to my department (or, for a dispatcher, to my centre)");
        app.MapPost("/api/v1/incidents/{id:guid}/notices", IssueAsync).WithTags("Supervision").RequireAuthorization(AccessPolicies.IssueNotices)
            .WithSummary("Issue a supervision notice by hand");
    }

    /// <summary>The notices a caller reads: those of incidents their centres handle, and those addressed to their department.</summary>
    internal static IQueryable<SupervisionNotice> Readable(this IQueryable<SupervisionNotice> notices, Jurisdiction caller)
    {
        var (centers, department, everything) = (caller.CenterCodes, caller.IsDepartmentStaff ? caller.DepartmentCode : null, caller.ReadsRegion && caller.WholeCity);
        var readsCenters = caller.ReadsRegion;
        return notices.Where(n => everything || (readsCenters && centers.Contains(n.CenterCode)) || (department != null && n.DepartmentCode == department));
    }

    private static async Task<Results<Ok<PagedList<NoticeView>>, ValidationProblem>> ListAsync(
        string? departmentCode, string? level, bool? acknowledged, Guid? incidentId, int? page, int? pageSize,
        ZhifaDbContext db, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Known("departmentCode", departmentCode, reference.Departments, "department");
        var parsedLevel = default(SupervisionLevel);
        if (level is not null && !StrictEnum.TryParse(level, out parsedLevel))
            errors.Add("level", "level is reminder, notice, priority or listed.");
        errors.Paging(page, pageSize, IncidentQuery.MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();
        var query = db.SupervisionNotices.AsNoTracking().Readable(http.Jurisdiction());
        if (departmentCode is not null)
            query = query.Where(n => n.DepartmentCode == departmentCode);
        if (level is not null)
            query = query.Where(n => n.Level == parsedLevel);
        if (acknowledged is { } ack)
            query = query.Where(n => (n.AcknowledgedAt != null) == ack);
        if (incidentId is { } incident)
            query = query.Where(n => n.IncidentId == incident);
        var (number, size) = (page ?? 1, pageSize ?? IncidentQuery.DefaultPageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.IssuedAt).ThenByDescending(n => n.Id).PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<NoticeView>([.. items.Select(NoticeView.From)], total, number, size));
    }

    private static async Task<Results<Ok<NoticeView>, ProblemHttpResult, ValidationProblem>> AcknowledgeAsync(
        Guid id, AcknowledgeBody? body, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.MaxLength("note", body?.Note, SupervisionNotice.MaxReasonLength);
        if (errors.Any)
            return errors.ToProblem();
        var caller = http.Jurisdiction();
        var notice = await db.SupervisionNotices.Readable(caller).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
            return Problems.NotFound("notice.not_found", $"No notice has id {id}.");
        var addressee = notice.DepartmentCode is { } department
            ? caller.IsDepartmentStaff && caller.DepartmentCode == department
            : caller.Roles.Contains(Core.Organization.Role.Dispatcher) && caller.CenterCodes.Contains(notice.CenterCode);
        if (!addressee)
            return Problems.Forbidden("notice.forbidden", "A notice is acknowledged by the department it is addressed to, or by a dispatcher of the centre for a notice to the centre.", title: "Not yours to acknowledge.");
        try
        {
            notice.Acknowledge(http.ActorName(), time.GetUtcNow(), body?.Note);
        }
        catch (DomainException refused)
        {
            return Problems.Conflict(refused.Code, refused.Message);
        }
        await db.SaveChangesAsync(ct);
        http.Audit().Target = id.ToString();
        http.Audit().Summary = $"notice {notice.Number ?? notice.Level.ToString()} acknowledged";
        return TypedResults.Ok(NoticeView.From(notice));
    }

    private static async Task<Results<Created<NoticeView>, ProblemHttpResult, ValidationProblem>> IssueAsync(
        Guid id, IssueNoticeBody body, ZhifaDbContext db, ReferenceData reference, NotificationCenter notifications, TimeProvider time, HttpContext http,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var level = SupervisionLevel.Notice;
        if (body.Level is not null && (!StrictEnum.TryParse(body.Level, out level) || level == SupervisionLevel.Reminder))
            errors.Add("level", "level is notice, priority or listed.");
        errors.Required("reason", body.Reason, SupervisionNotice.MaxReasonLength);
        if (errors.Any)
            return errors.ToProblem();
        var caller = http.Jurisdiction();
        var incident = await db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(caller)).Include(i => i.Assignments).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
            return IncidentEndpoints.NotFound(id);
        if (!IncidentAccess.HandledWithin(incident, caller))
            return Problems.Forbidden("notice.forbidden", "Notices are issued by the supervisors of the centre handling the incident or one above it.", title: "Not yours to issue.");
        if (!IncidentLifecycle.IsOpen(incident.Status) || incident.Lead is not { } lead)
            return Problems.Conflict("notice.nothing_owed", $"Incident {incident.Number} is {incident.Status}; no department owes work on it.");
        var now = time.GetUtcNow();
        // The number and the notice in one transaction, as the worker writes them: the numbering statement
        // needs an open connection, and a notice that fails to save gives its number back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var notice = new SupervisionNotice
        {
            Id = Guid.CreateVersion7(now), Number = await SupervisionSweep.NumberFor(db, incident.CountyCode ?? reference.CityCode, now, ct),
            IncidentId = id, IncidentNumber = incident.Number, Level = level, DepartmentCode = lead.DepartmentCode, CenterCode = incident.HandlingCenterCode,
            IssuedAt = now, IssuedBy = http.ActorName(), Reason = body.Reason!.Trim(),
        };
        db.SupervisionNotices.Add(notice);
        notifications.Announce(notice, reference);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await notifications.DispatchExternalAsync(ct);
        http.Audit().Target = id.ToString();
        http.Audit().Summary = $"notice {notice.Number} ({level}) issued to {lead.DepartmentCode}";
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", NoticeView.From(notice));
    }
}
