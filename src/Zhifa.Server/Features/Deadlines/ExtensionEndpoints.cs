using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Notifications;

namespace Zhifa.Server.Features.Deadlines;

public sealed record ExtensionBody(string? Kind, string? NewLimit, string? Reason);
public sealed record DecisionBody(string? Note);

public sealed record ExtensionView(Guid Id, Guid IncidentId, DeadlineKind Kind, string CurrentLimit, string NewLimit, string Reason,
    string DepartmentCode, string RequestedBy, DateTimeOffset RequestedAt, ExtensionStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public static ExtensionView From(ExtensionRequest e) => new(e.Id, e.IncidentId, e.Kind, e.CurrentLimit.ToString(), e.NewLimit.ToString(), e.Reason,
        e.DepartmentCode, e.RequestedBy, e.RequestedAt, e.Status, e.DecidedBy, e.DecidedAt, e.DecisionNote);
}

/// <summary>
/// Extensions (延期): the lead department asks for a longer limit with a reason; a dispatcher of the
/// handling centre approves (the clock takes the new limit, counted from its start) or refuses.
/// </summary>
internal static class ExtensionEndpoints
{
    public static void MapExtensions(this RouteGroupBuilder incidents)
    {
        incidents.MapGet("/{id:guid}/extensions", ListAsync).RequireAuthorization(AccessPolicies.ReadIncidents)
            .WithSummary("The extension requests of an incident");
        incidents.MapPost("/{id:guid}/extensions", RequestAsync).RequireAuthorization(AccessPolicies.LeadDepartmentRequests)
            .WithSummary("Ask for a longer limit (the lead department)");
        incidents.MapPost("/{id:guid}/extensions/{extensionId:guid}/approve", (Guid id, Guid extensionId, DecisionBody? body, [AsParameters] Context c, CancellationToken ct) =>
            DecideAsync(id, extensionId, body, c, approve: true, ct)).RequireAuthorization(AccessPolicies.DecideExtensions)
            .WithSummary("Approve an extension: the clock takes the new limit");
        incidents.MapPost("/{id:guid}/extensions/{extensionId:guid}/refuse", (Guid id, Guid extensionId, DecisionBody? body, [AsParameters] Context c, CancellationToken ct) =>
            DecideAsync(id, extensionId, body, c, approve: false, ct)).RequireAuthorization(AccessPolicies.DecideExtensions)
            .WithSummary("Refuse an extension");
    }

    internal sealed record Context(ZhifaDbContext Db, IncidentWorkflow Workflow, Clocks Clocks, NotificationCenter Notifications, TimeProvider Time, HttpContext Http);

    private static async Task<Results<Ok<ExtensionView[]>, ProblemHttpResult>> ListAsync(Guid id, ZhifaDbContext db, HttpContext http, CancellationToken ct)
    {
        var caller = http.Jurisdiction();
        if (!await db.Incidents.Where(IncidentAccess.Visible(caller)).AnyAsync(i => i.Id == id, ct))
            return IncidentEndpoints.NotFound(id);
        var requests = await db.ExtensionRequests.AsNoTracking().Where(e => e.IncidentId == id).OrderBy(e => e.RequestedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return TypedResults.Ok(requests.Select(ExtensionView.From).ToArray());
    }

    private static async Task<Results<Created<ExtensionView>, ProblemHttpResult, ValidationProblem>> RequestAsync(
        Guid id, ExtensionBody body, [AsParameters] Context c, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = DeadlineKind.Handle;
        if (body.Kind is not null && !StrictEnum.TryParse(body.Kind, out kind))
            errors.Add("kind", "kind is accept, handle or verify.");
        if (errors.Required("newLimit", body.NewLimit, 8) && !TimeLimit.TryParse(body.NewLimit, out _))
            errors.Add("newLimit", "newLimit is a time limit such as 4wh, 3wd, 90nm or 12nh.");
        errors.Required("reason", body.Reason, ExtensionRequest.MaxReasonLength);
        if (errors.Any)
            return errors.ToProblem();
        var caller = c.Http.Jurisdiction();
        var incident = await c.Workflow.LoadVisibleAsync(id, caller, ct);
        if (incident is null)
            return IncidentEndpoints.NotFound(id);
        if (!IncidentAccess.LedBy(incident, caller))
            return Problems.Forbidden("extension.forbidden", "Only the lead department's staff may ask for an extension.", title: "Not yours to ask.");
        var limit = TimeLimit.Parse(body.NewLimit!);
        if (incident.OpenClock(kind) is not { } clock)
            return Problems.Conflict("deadline.not_running", $"Incident {incident.Number} has no {Name(kind)} deadline running.");
        if (WorkingCalendar.CountsWorkingTime(limit) != clock.WorkingTime || c.Clocks.Calendar.Length(limit) <= clock.Allowed)
            return Problems.Field("newLimit", $"newLimit must be longer than the current {clock.Limit} and count {(clock.WorkingTime ? "working" : "natural")} time as it does.");
        if (await c.Db.ExtensionRequests.AnyAsync(e => e.IncidentId == id && e.Kind == kind && e.Status == ExtensionStatus.Pending, ct))
            return Problems.Conflict("extension.pending", $"An extension of incident {incident.Number}'s {Name(kind)} deadline awaits a decision already.");
        var now = c.Time.GetUtcNow();
        var request = new ExtensionRequest
        {
            Id = Guid.CreateVersion7(now), IncidentId = id, Kind = kind, CurrentLimit = clock.Limit, NewLimit = limit,
            Reason = body.Reason!.Trim(), DepartmentCode = caller.DepartmentCode!, RequestedBy = c.Http.ActorName(), RequestedAt = now,
        };
        c.Db.ExtensionRequests.Add(request);
        c.Notifications.Notify(new NotificationDraft(NotificationKinds.Extension, $"延期申请：{incident.Number}",
            $"{request.DepartmentCode} asks for {Name(kind)} limit {limit} instead of {clock.Limit}: {request.Reason}",
            NotificationRecipient.Center(incident.HandlingCenterCode), id, incident.Number));
        await c.Db.SaveChangesAsync(ct);
        await c.Notifications.DispatchExternalAsync(ct);
        c.Http.Audit().Target = id.ToString();
        c.Http.Audit().Summary = $"extension of {Name(kind)} to {limit} asked";
        return TypedResults.Created($"/api/v1/incidents/{id}/extensions", ExtensionView.From(request));
    }

    private static async Task<Results<Ok<ExtensionView>, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, Guid extensionId, DecisionBody? body, Context c, bool approve, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.MaxLength("note", body?.Note, ExtensionRequest.MaxReasonLength);
        if (errors.Any)
            return errors.ToProblem();
        var caller = c.Http.Jurisdiction();
        var incident = await c.Workflow.LoadVisibleAsync(id, caller, ct);
        if (incident is null)
            return IncidentEndpoints.NotFound(id);
        var request = await c.Db.ExtensionRequests.FirstOrDefaultAsync(e => e.Id == extensionId && e.IncidentId == id, ct);
        if (request is null)
            return Problems.NotFound("extension.not_found", $"Incident {incident.Number} has no extension request {extensionId}.");
        if (!IncidentAccess.HandledWithin(incident, caller))
            return Problems.Forbidden("extension.forbidden", "Only a dispatcher of the centre handling the incident decides its extensions.", title: "Not yours to decide.");
        var now = c.Time.GetUtcNow();
        try
        {
            if (approve)
                request.Approve(incident, c.Clocks.Rules, c.Http.ActorName(), now, body?.Note);
            else
                request.Refuse(c.Http.ActorName(), now, body?.Note);
            c.Notifications.Notify(new NotificationDraft(NotificationKinds.Extension, $"延期{(approve ? "已批准" : "未批准")}：{incident.Number}",
                $"{Name(request.Kind)} limit {request.NewLimit} {(approve ? "approved" : "refused")}" + (body?.Note is { } note ? $": {note}" : ""),
                NotificationRecipient.Department(request.DepartmentCode), id, incident.Number));
            await c.Db.SaveChangesAsync(ct);
            await c.Notifications.DispatchExternalAsync(ct);
        }
        catch (DomainException refused)
        {
            return Problems.Conflict(refused.Code, refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed("incident.stale", $"Incident {incident.Number} changed meanwhile; decide again.");
        }
        c.Http.Audit().Target = id.ToString();
        c.Http.Audit().Summary = $"extension {extensionId} {(approve ? "approved" : "refused")}";
        return TypedResults.Ok(ExtensionView.From(request));
    }

    private static string Name(DeadlineKind kind) => kind.ToString().ToLowerInvariant();
}
