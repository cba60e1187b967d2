using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Notifications;

namespace Zhifa.Server.Features.Deadlines;

public sealed record SuspensionRequestBody(string? Reason);

/// <summary>
/// POST /api/v1/incidents/{id}/suspension-requests: the lead department asks the handling centre to
/// stop the clock. The request goes on the timeline and into the centre's inbox; a dispatcher then
/// suspends (or does not).
/// </summary>
internal static class SuspensionRequests
{
    public static void MapSuspensionRequests(this RouteGroupBuilder incidents) =>
        incidents.MapPost("/{id:guid}/suspension-requests", RequestAsync).RequireAuthorization(AccessPolicies.LeadDepartmentRequests)
            .WithSummary("Ask the handling centre to suspend the incident (the lead department)");

    private static async Task<Results<Ok<IncidentDetail>, ProblemHttpResult, ValidationProblem>> RequestAsync(
        Guid id, SuspensionRequestBody body, IncidentWorkflow workflow, ZhifaDbContext db, NotificationCenter notifications, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("reason", body.Reason);
        if (errors.Any)
            return errors.ToProblem();
        var caller = http.Jurisdiction();
        var incident = await workflow.LoadVisibleAsync(id, caller, ct);
        if (incident is null)
            return IncidentEndpoints.NotFound(id);
        if (!IncidentAccess.LedBy(incident, caller))
            return Problems.Forbidden("suspension.forbidden", "Only the lead department's staff may ask for a suspension.", title: "Not yours to ask.");
        try
        {
            incident.RequestSuspension(body.Reason!.Trim(), http.ActorName(), time.GetUtcNow());
        }
        catch (DomainException refused)
        {
            return Problems.Conflict(refused.Code, refused.Message);
        }
        notifications.Notify(new NotificationDraft(NotificationKinds.Suspension, $"暂停申请：{incident.Number}", $"{caller.DepartmentCode}: {body.Reason!.Trim()}",
            NotificationRecipient.Center(incident.HandlingCenterCode), id, incident.Number));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed("incident.stale", $"Incident {incident.Number} changed meanwhile; ask again.");
        }
        await notifications.DispatchExternalAsync(ct);
        http.Audit().Target = id.ToString();
        return await IncidentEndpoints.AnswerAsync(http, incident, ct);
    }
}
