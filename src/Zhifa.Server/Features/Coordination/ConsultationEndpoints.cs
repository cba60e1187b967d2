using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Coordination;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Coordination;

/// <summary>
/// Joint consultations (联合会商): scheduled by a centre's dispatchers and duty commanders (by hand or from
/// the proposed agenda), attended by the departments they invite; their minutes and decisions are recorded
/// while they sit, and each decision becomes a tracked action (督办事项).
/// </summary>
public static class ConsultationEndpoints
{
    public static void MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/consultations").WithTags("Consultations");
        group.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.ReadConsultations).WithSummary("Consultations, latest first");
        group.MapPost("", ScheduleAsync).RequireAuthorization(AccessPolicies.OrganiseConsultations).WithSummary("Schedule a consultation, by hand or from the proposed agenda");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(AccessPolicies.ReadConsultations).WithSummary("One consultation with its agenda, attendance, minutes and actions");
        group.MapPut("/{id:guid}/attendance", AttendanceAsync).RequireAuthorization(AccessPolicies.OrganiseConsultations).WithSummary("Record who attended");
        group.MapPut("/{id:guid}/minutes", MinutesAsync).RequireAuthorization(AccessPolicies.OrganiseConsultations).WithSummary("Record the minutes");
        group.MapPost("/{id:guid}/decisions", DecideAsync).RequireAuthorization(AccessPolicies.OrganiseConsultations).WithSummary("Record a decision: it becomes a tracked action");
        group.MapPost("/{id:guid}/close", CloseAsync).RequireAuthorization(AccessPolicies.OrganiseConsultations).WithSummary("Close the consultation: its record is final");
        app.MapGet("/api/v1/command-centers/{code}/agenda", AgendaAsync).WithTags("Consultations").RequireAuthorization(AccessPolicies.ReadConsultationAgenda)
            .WithSummary("The proposed agenda of a centre's weekly or monthly consultation");
    }

    private static async Task<Results<Ok<PagedList<ConsultationSummary>>, ValidationProblem>> ListAsync(
        string? centerCode, string? status, int? page, int? pageSize, ZhifaDbContext db, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Known("centerCode", centerCode, reference.CommandCenters, "command centre");
        var parsed = default(ConsultationStatus);
        if (status is not null && !StrictEnum.TryParse(status, out parsed))
            errors.Add("status", "status is open or closed.");
        errors.Paging(page, pageSize, IncidentQuery.MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();
        var query = db.Consultations.AsNoTracking().Readable(http.Jurisdiction());
        if (centerCode is not null)
            query = query.Where(c => c.CenterCode == centerCode);
        if (status is not null)
            query = query.Where(c => c.Status == parsed);
        var (number, size) = (page ?? 1, pageSize ?? IncidentQuery.DefaultPageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.ScheduledAt).ThenByDescending(c => c.Id)
            .Select(c => new ConsultationSummary(c.Id, c.Topic, c.ScheduledAt, c.CenterCode, c.Kind, c.Period, c.Status,
                c.InvitedDepartmentCodes.Count(), c.Agenda.Count(), c.CreatedAt, c.CreatedBy))
            .PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<ConsultationSummary>(items, total, number, size));
    }

    private static async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> GetAsync(Guid id, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Actions).Readable(http.Jurisdiction()).FirstOrDefaultAsync(c => c.Id == id, ct);
        return consultation is null ? NotFound(id) : TypedResults.Ok(ConsultationView.From(consultation, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ProposedAgenda>, ProblemHttpResult, ValidationProblem>> AgendaAsync(
        string code, string? kind, AgendaProposals proposals, ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (!reference.CommandCenters.ContainsKey(code) || !ConsultationAccess.CoversCenter(http.Jurisdiction(), code))
            return Problems.NotFound("center.not_found", $"No command centre of yours has code {code}.");
        var parsed = ConsultationKind.Weekly;
        if (kind is not null && (!StrictEnum.TryParse(kind, out parsed) || parsed == ConsultationKind.AdHoc))
            return Problems.Field("kind", "kind is weekly or monthly.");
        return TypedResults.Ok(await proposals.ProposeAsync(code, parsed, time.GetUtcNow(), ct));
    }

    private static async Task<Results<Created<ConsultationView>, ProblemHttpResult, ValidationProblem>> ScheduleAsync(
        ScheduleBody body, ZhifaDbContext db, ReferenceData reference, AgendaProposals proposals, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var caller = http.Jurisdiction();
        var errors = new FieldErrors();
        var fromAgenda = body.FromAgenda == true;
        var kind = ConsultationKind.AdHoc;
        if (body.Kind is not null && !StrictEnum.TryParse(body.Kind, out kind))
            errors.Add("kind", "kind is adHoc, weekly or monthly.");
        if (fromAgenda && kind == ConsultationKind.AdHoc)
            errors.Add("kind", "A consultation from the agenda is weekly or monthly.");
        if (!fromAgenda || body.Topic is not null)
            errors.Required("topic", body.Topic, Consultation.MaxTopicLength);
        if (body.ScheduledAt is null)
            errors.Add("scheduledAt", "The scheduledAt field is required.");
        var centerCode = body.CenterCode ?? caller.HomeCenterCode;
        if (centerCode is null)
            errors.Add("centerCode", "The centerCode field is required.");
        errors.Known("centerCode", centerCode, reference.CommandCenters, "command centre");
        var invited = body.InvitedDepartmentCodes ?? [];
        if (invited.Length > Consultation.MaxInvited)
            errors.Add("invitedDepartmentCodes", $"At most {Consultation.MaxInvited} departments are invited.");
        for (var i = 0; i < invited.Length; i++)
            if (invited[i] is null || !reference.Departments.ContainsKey(invited[i]))
                errors.Add($"invitedDepartmentCodes[{i}]", $"Unknown department '{invited[i]}'.");
        var incidentIds = body.IncidentIds ?? [];
        if (incidentIds.Length > Consultation.MaxAgenda)
            errors.Add("incidentIds", $"At most {Consultation.MaxAgenda} incidents are on one agenda.");
        var visible = await db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(caller)).Where(i => incidentIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number }).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        for (var i = 0; i < incidentIds.Length; i++)
            if (!visible.ContainsKey(incidentIds[i]))
                errors.Add($"incidentIds[{i}]", $"No incident of yours has id {incidentIds[i]}.");
        if (errors.Any)
            return errors.ToProblem();
        if (!ConsultationAccess.Organises(caller, centerCode!))
            return Problems.Forbidden("consultation.forbidden", $"Consultations of {centerCode} are called by its dispatchers and duty commanders, or those of a centre above it.");

        var now = time.GetUtcNow();
        var at = body.ScheduledAt!.Value;
        var (period, topic) = AgendaProposals.Naming(kind, at);
        var agenda = incidentIds.Select(id => new AgendaItem(id, visible[id], AgendaSection.Raised)).ToList();
        if (fromAgenda)
        {
            var proposed = await proposals.ProposeAsync(centerCode!, kind, now, ct);
            // The departments that hold (or held) the agenda's incidents are the ones to invite; the proposal
            // is cut to what one consultation takes rather than refused.
            var holders = await proposals.HoldersAsync(proposed.Items().Select(a => a.IncidentId).Concat(incidentIds), ct);
            (agenda, invited) = AgendaProposals.Fit(proposed.Items(), agenda, invited, holders);
        }
        if (kind != ConsultationKind.AdHoc && await db.Consultations.AnyAsync(c => c.CenterCode == centerCode && c.Kind == kind && c.Period == period, ct))
            return PeriodTaken(centerCode!, kind, period);
        var consultation = Consultation.Schedule(body.Topic ?? topic, at, centerCode!, kind, period, invited, agenda, http.ActorName(), now);
        db.Consultations.Add(consultation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (kind != ConsultationKind.AdHoc)
        {
            // Another organiser (or the scheduler) called the same period's consultation a moment before.
            return PeriodTaken(centerCode!, kind, period);
        }
        http.Audit().Target = consultation.Id.ToString();
        http.Audit().Summary = $"consultation '{consultation.Topic}' ({kind}) of {centerCode} scheduled with {agenda.Count} agenda items";
        return TypedResults.Created($"/api/v1/consultations/{consultation.Id}", ConsultationView.From(consultation, now));
    }

    private static async Task<Results<Ok<ConsultationView>, ProblemHttpResult, ValidationProblem>> AttendanceAsync(
        Guid id, AttendanceBody body, ZhifaDbContext db, ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var rows = body.Attendance ?? [];
        if (body.Attendance is null)
            errors.Add("attendance", "The attendance field is required.");
        else if (rows.Length > Consultation.MaxAttendance)
        {
            errors.Add("attendance", $"At most {Consultation.MaxAttendance} people attend one consultation.");
            return errors.ToProblem();
        }
        for (var i = 0; i < rows.Length; i++)
        {
            var code = rows[i]?.DepartmentCode;
            if (string.IsNullOrWhiteSpace(code))
                errors.Add($"attendance[{i}].departmentCode", "The departmentCode field is required.");
            else if (!reference.Departments.ContainsKey(code) && !reference.CommandCenters.ContainsKey(code))
                errors.Add($"attendance[{i}].departmentCode", $"Unknown department or command centre '{code}'.");
            errors.Required($"attendance[{i}].name", rows[i]?.Name, Attendee.MaxNameLength);
        }
        if (errors.Any)
            return errors.ToProblem();
        return await ChangeAsync(id, db, time, http, "attendance recorded",
            (c, _) => c.RecordAttendance(rows.Select(r => new Attendee(r.DepartmentCode!, r.Name!.Trim(), r.Present ?? true))), ct);
    }

    private static async Task<Results<Ok<ConsultationView>, ProblemHttpResult, ValidationProblem>> MinutesAsync(
        Guid id, MinutesBody body, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("minutes", body.Minutes, Consultation.MaxMinutesLength);
        if (errors.Any)
            return errors.ToProblem();
        return await ChangeAsync(id, db, time, http, "minutes recorded", (c, now) => c.RecordMinutes(body.Minutes!.Trim(), now), ct);
    }

    private static async Task<Results<Created<ActionView>, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, DecisionBody body, ZhifaDbContext db, ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        errors.Required("text", body.Text, TrackedAction.MaxTextLength);
        if (errors.Required("ownerDepartmentCode", body.OwnerDepartmentCode, 64))
            errors.Known("ownerDepartmentCode", body.OwnerDepartmentCode, reference.Departments, "department");
        if (body.Deadline is not { } deadline)
            errors.Add("deadline", "The deadline field is required.");
        else if (deadline <= now)
            errors.Add("deadline", "The deadline must be in the future.");
        if (errors.Any)
            return errors.ToProblem();
        var consultation = await LoadAsync(id, db, http, ct);
        if (consultation is null)
            return NotFound(id);
        if (!ConsultationAccess.Organises(http.Jurisdiction(), consultation.CenterCode))
            return NotYours(consultation);
        if (!consultation.InvitedDepartmentCodes.Contains(body.OwnerDepartmentCode))
            return Problems.Field("ownerDepartmentCode", $"{body.OwnerDepartmentCode} was not invited to the consultation; an action is owed by an invited department.");
        TrackedAction action;
        try
        {
            action = consultation.Decide(body.Text!, body.OwnerDepartmentCode!, body.Deadline!.Value, http.ActorName(), now);
        }
        catch (DomainException refused)
        {
            return Problems.Conflict(refused.Code, refused.Message);
        }
        db.TrackedActions.Add(action);
        if (!await SavedAsync(db, ct))
            return Changed(id);
        http.Audit().Target = id.ToString();
        http.Audit().Summary = $"decision of consultation '{consultation.Topic}': action {action.Id} for {action.OwnerDepartmentCode} by {action.Deadline:O}";
        return TypedResults.Created($"/api/v1/actions?consultationId={id}", ActionView.From(action, now));
    }

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult, ValidationProblem>> CloseAsync(
        Guid id, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        ChangeAsync(id, db, time, http, "closed", (c, now) => c.Close(http.ActorName(), now), ct);

    private static async Task<Results<Ok<ConsultationView>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, ZhifaDbContext db, TimeProvider time, HttpContext http, string what, Action<Consultation, DateTimeOffset> change, CancellationToken ct)
    {
        var consultation = await LoadAsync(id, db, http, ct);
        if (consultation is null)
            return NotFound(id);
        if (!ConsultationAccess.Organises(http.Jurisdiction(), consultation.CenterCode))
            return NotYours(consultation);
        var now = time.GetUtcNow();
        try
        {
            change(consultation, now);
        }
        catch (DomainException refused)
        {
            return Problems.Conflict(refused.Code, refused.Message);
        }
        if (!await SavedAsync(db, ct))
            return Changed(id);
        http.Audit().Target = id.ToString();
        http.Audit().Summary = $"consultation '{consultation.Topic}': {what}";
        return TypedResults.Ok(ConsultationView.From(consultation, now));
    }

    private static Task<Consultation?> LoadAsync(Guid id, ZhifaDbContext db, HttpContext http, CancellationToken ct) =>
        db.Consultations.Include(c => c.Actions).Readable(http.Jurisdiction()).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>
    /// Saves a change made to a consultation read a moment before. Its version (or its attendance rows,
    /// replaced wholesale) tell when another organiser changed it in between: that one wins, this one is told.
    /// </summary>
    private static async Task<bool> SavedAsync(ZhifaDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static ProblemHttpResult Changed(Guid id) =>
        Problems.Conflict("consultation.changed", $"The consultation {id} was changed by someone else at the same moment; reload it and try again.");

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("consultation.not_found", $"No consultation of yours has id {id}.");

    private static ProblemHttpResult NotYours(Consultation c) =>
        Problems.Forbidden("consultation.forbidden", $"The consultation is organised by the dispatchers and duty commanders of {c.CenterCode} or a centre above it.");

    private static ProblemHttpResult PeriodTaken(string centerCode, ConsultationKind kind, string period) =>
        Problems.Conflict("consultation.period_taken", $"{centerCode} already has its {kind} consultation for {period}.");
}
