using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Officers;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Dashboard;
using Zhifa.Server.Features.Incidents;

namespace Zhifa.Server.Features.Officers;

/// <summary>
/// The lead department names the officers it sends (GET lists them for whoever reads the incident).
/// Each must hold a valid 执法证 today and serve the lead department, at home or stationed in one of
/// its teams; the naming goes on the timeline and into the incident's officer list.
/// </summary>
internal static class IncidentOfficerEndpoints
{
    private const int MaxOfficers = 20;

    public static void MapIncidentOfficers(this RouteGroupBuilder incidents)
    {
        incidents.MapGet("/{id:guid}/officers", ListAsync).RequireAuthorization(AccessPolicies.ReadIncidents)
            .WithSummary("The officers named to handle the incident");
        incidents.MapPost("/{id:guid}/officers", AssignAsync).RequireAuthorization(AccessPolicies.AssignOfficers)
            .WithSummary("Name officers with a valid certificate to handle the incident (its lead department)");
    }

    private static async Task<Results<Ok<List<IncidentOfficerView>>, ProblemHttpResult>> ListAsync(
        Guid id, IncidentQueries incidents, OfficerStore store, HttpContext http, CancellationToken ct)
    {
        if (await incidents.FindAsync(id, http.Jurisdiction(), ct) is null)
            return IncidentEndpoints.NotFound(id);
        return TypedResults.Ok(await AssignedAsync(store, id, ct));
    }

    private static async Task<Results<Ok<List<IncidentOfficerView>>, ProblemHttpResult, ValidationProblem>> AssignAsync(
        Guid id, OfficerIdsBody body, IncidentWorkflow workflow, OfficerStore store, OfficerScope scope, IncidentChanges changes, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var ids = body.OfficerIds;
        if (ids is null || ids.Length == 0)
            return Problems.Field("officerIds", "The officerIds field is required: name at least one officer.");
        if (ids.Length > MaxOfficers)
            return Problems.Field("officerIds", $"At most {MaxOfficers} officers at once.");
        var caller = http.Jurisdiction();
        if (await workflow.LoadVisibleAsync(id, caller, ct) is not { } incident)
            return IncidentEndpoints.NotFound(id);
        if (!IncidentAccess.LedBy(incident, caller))
            return Problems.Forbidden("officers.assign_forbidden", "Only the lead department's staff name the officers who handle it.", title: "Not yours to do.");
        if (!ETags.Matches(http.IfMatch(), incident.Version))
            return Problems.PreconditionFailed("incident.stale", $"Incident {incident.Number} changed meanwhile (version {incident.Version}).");
        var lead = incident.Lead!.DepartmentCode;
        var officers = await store.Db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var teams = await store.TeamsOfAsync(officers.Keys, ct);
        var today = store.Today;
        var errors = new FieldErrors();
        for (var n = 0; n < ids.Length; n++)
        {
            // An officer the caller may not see is answered as unknown: the refusal must not tell their name or department.
            if (!officers.TryGetValue(ids[n], out var officer)
                || !(scope.Sees(caller, officer.DepartmentCode) || teams.Any(t => t.Has(officer.Id) && scope.Sees(caller, t.DepartmentCode))))
                errors.Add($"officerIds[{n}]", $"No officer has id {ids[n]}.");
            else if (OfficerService.RefusalToAssign(officer, teams, lead, today) is { } refusal)
                errors.Add($"officerIds[{n}]", refusal);
        }
        if (errors.Any)
            return errors.ToProblem();
        var named = ids.Distinct().Select(i => officers[i]).ToList();
        var now = time.GetUtcNow();
        try
        {
            incident.AssignOfficers([.. named.Select(o => o.Name)], http.ActorName(), now);
        }
        catch (DomainException refused)
        {
            return Problems.Conflict(refused.Code, refused.Message);
        }
        var already = await store.Db.OfficerAssignments.Where(a => a.IncidentId == id).Select(a => a.OfficerId).ToListAsync(ct);
        store.Db.OfficerAssignments.AddRange(named.Where(o => !already.Contains(o.Id))
            .Select(o => new OfficerAssignment { IncidentId = id, OfficerId = o.Id, AssignedAt = now, AssignedBy = Text.Truncate(http.ActorName(), Core.Incidents.TimelineEntry.MaxActorLength) }));
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.PreconditionFailed("incident.stale", $"Incident {incident.Number} changed meanwhile; ask again.");
        }
        changes.Raise();
        http.Audit().Target = id.ToString();
        http.Audit().Summary = $"officers named: {string.Join(", ", named.Select(o => o.Id))}";
        http.Response.Headers.ETag = ETags.For(incident.Version);
        return TypedResults.Ok(await AssignedAsync(store, id, ct));
    }

    private static async Task<List<IncidentOfficerView>> AssignedAsync(OfficerStore store, Guid incidentId, CancellationToken ct)
    {
        var db = store.Db;
        var rows = await (from a in db.OfficerAssignments.AsNoTracking()
                          join o in db.Officers.AsNoTracking() on a.OfficerId equals o.Id
                          where a.IncidentId == incidentId
                          select new { a.OfficerId, o.Name, o.DepartmentCode, a.AssignedAt, a.AssignedBy }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.AssignedAt).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new IncidentOfficerView(r.OfficerId, r.Name, r.DepartmentCode, r.AssignedAt, r.AssignedBy))];
    }
}
