using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Triage;

/// <summary>A matter an incident may be, and where the responsibility list would send it.</summary>
public sealed record TriageSuggestion(string MatterCode, double Confidence, string? DepartmentCode, IReadOnlyList<string> CoDepartmentCodes);

/// <summary>One incident waiting at a centre, with what the platform suggests doing with it.</summary>
public sealed record TriageItem(IncidentSummary Incident, IReadOnlyList<TriageSuggestion> Suggestions, IReadOnlyList<DuplicateCandidateView> DuplicateCandidates);

public sealed record AcceptSuggestionRequest(string? MatterCode, string? Note);

/// <summary>
/// The dispatcher's triage queue (研判分流): the Reported incidents of their centre, oldest first,
/// each with the classifier's top matters (or its own matter), the departments the responsibility
/// list names for each, and the open incidents it may repeat. Accepting a suggestion sets the matter
/// and dispatches to its departments in one call.
/// </summary>
internal static class TriageQueue
{
    public static void MapTriageQueue(this RouteGroupBuilder triage)
    {
        triage.MapGet("/queue", ListAsync).RequireAuthorization(AccessPolicies.For(IncidentAction.Dispatch))
            .WithSummary("The Reported incidents of my centre, with suggested matters, departments and possible duplicates");
        triage.MapPost("/queue/{id:guid}/accept", AcceptAsync).RequireAuthorization(AccessPolicies.For(IncidentAction.Dispatch))
            .WithSummary("Take a suggested matter and dispatch the incident to the departments the responsibility list names for it");
    }

    private static async Task<Results<Ok<PagedList<TriageItem>>, ValidationProblem>> ListAsync(
        string? centerCode, int? page, int? pageSize, ZhifaDbContext db, ReferenceData reference, ClueClassifier classifier, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var caller = http.Jurisdiction();
        var center = centerCode ?? http.User.FindFirst(PlatformClaims.HomeCenter)?.Value;
        var errors = new FieldErrors();
        if (center is null || !(caller.WholeCity ? reference.CommandCenters.ContainsKey(center) : caller.CenterCodes.Contains(center)))
            errors.Add("centerCode", $"'{center}' is not a centre of yours.");
        errors.Paging(page, pageSize, IncidentQuery.MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();

        var waiting = db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Reported && i.HandlingCenterCode == center);
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var total = await waiting.CountAsync(ct);
        var incidents = await waiting.OrderBy(i => i.ReportedAt).Skip((number - 1) * size).Take(size)
            .Include(i => i.DuplicateCandidates).Include(i => i.Assignments).AsSplitQuery().ToListAsync(ct);
        var items = incidents.Select(i => new TriageItem(
            IncidentSummary.From(i, time.GetUtcNow()),
            Suggest(i, reference, classifier),
            [.. i.DuplicateCandidates.OrderByDescending(d => d.Score).Select(d => new DuplicateCandidateView(d.CandidateId, d.CandidateNumber, d.DistanceMeters, d.Score))]))
            .ToList();
        return TypedResults.Ok(new PagedList<TriageItem>(items, total, number, size));
    }

    private static async Task<Results<Ok<IncidentDetail>, ProblemHttpResult, ValidationProblem>> AcceptAsync(
        Guid id, AcceptSuggestionRequest body, IncidentWorkflow workflow, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("matterCode", body.MatterCode, 8))
            errors.Known("matterCode", body.MatterCode, reference.Matters, "matter");
        errors.MaxLength("note", body.Note, 1000);
        if (errors.Any)
            return errors.ToProblem();
        var matter = reference.Matters[body.MatterCode!];
        var actor = http.ActorName();
        var outcome = await workflow.ActAsync(id, http.IfMatch(), http.Jurisdiction(), IncidentAction.Dispatch, (incident, now) =>
        {
            var route = reference.Router.Route(matter, LocationOf(incident));
            if (route.LeadDepartmentCode is null)
                throw new Core.DomainException("triage.no_route", $"The responsibility list names no department for {matter.Code} at incident {incident.Number}'s place; dispatch it by hand.");
            incident.Dispatch(route.LeadDepartmentCode, route.CoDepartmentCodes, matter, actor, now, body.Note ?? $"suggestion {matter.Code} accepted; lead {route.LeadDepartmentCode}");
        }, ct);
        return await outcome.ToResultAsync(http, id, ct);
    }

    /// <summary>Its own matter when it has one; else the classifier's best, each with the departments it would go to.</summary>
    private static List<TriageSuggestion> Suggest(Incident incident, ReferenceData reference, ClueClassifier classifier)
    {
        var location = LocationOf(incident);
        var matters = incident.MatterCode is { } known
            ? [new MatterSuggestion(known, 1)]
            : classifier.TryClassify(incident.Summary)?.Suggestions ?? [];
        return [.. matters.Where(s => reference.Matters.ContainsKey(s.MatterCode)).Select(s =>
        {
            var route = reference.Router.Route(reference.Matters[s.MatterCode], location);
            return new TriageSuggestion(s.MatterCode, s.Confidence, route.LeadDepartmentCode, route.CoDepartmentCodes);
        })];
    }

    private static GridLocation? LocationOf(Incident i) =>
        i.GridCode is null || i.TownshipCode is null || i.CountyCode is null ? null : new GridLocation(i.GridCode, i.TownshipCode, i.CountyCode);
}
