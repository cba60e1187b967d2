using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Features.Privacy;

namespace Zhifa.Server.Features.Incidents;

public static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").WithTags("Incidents");
        group.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.ReadIncidents)
            .WithSummary("List the incidents in the caller's jurisdiction, filtered and paged");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(AccessPolicies.ReadIncidents)
            .WithSummary("An incident with its clues, assignments and timeline");
        group.MapIncidentActions();
        group.MapIncidentSplit();
        group.MapExtensions();
        group.MapSuspensionRequests();
        group.MapCoAssignments();
        group.MapIncidentOfficers();
        return app;
    }

    private static async Task<Results<Ok<PagedList<IncidentSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] IncidentQuery query, IncidentQueries incidents, HttpContext http, CancellationToken ct)
    {
        var errors = incidents.Validate(query, out var filter);
        if (errors.Any)
            return errors.ToProblem();
        return TypedResults.Ok(await incidents.ListAsync(query, filter, http.Jurisdiction(), ct));
    }

    private static async Task<Results<Ok<IncidentDetail>, ProblemHttpResult>> GetAsync(
        Guid id, IncidentQueries incidents, HttpContext http, CancellationToken ct)
    {
        var incident = await incidents.FindAsync(id, http.Jurisdiction(), ct);
        if (incident is null)
            return NotFound(id);
        return await AnswerAsync(http, incident, ct);
    }

    /// <summary>The incident as GET returns it, with its version as the ETag for the next If-Match.</summary>
    internal static async Task<Ok<IncidentDetail>> AnswerAsync(HttpContext http, Incident incident, CancellationToken ct)
    {
        http.Response.Headers.ETag = ETags.For(incident.Version);
        var personalData = http.RequestServices.GetRequiredService<PersonalData>();
        var reveal = PersonalData.MayReveal(http.User, incident.HandlingCenterCode);
        // Whole names and phones leave the platform only with an audit entry.
        if (reveal && incident.Clues.Any(c => c.ReporterName is not null || c.ReporterPhone is not null))
            http.Audit().Events.Add(("personal_data.read", incident.Id.ToString()));
        // The files live apart from the incident's aggregate: one read for all its clues.
        var links = http.RequestServices.GetRequiredService<ClueMediaLinks>();
        var media = await links.ForCluesAsync(incident.Clues.Select(c => c.Id), ct);
        var timelineMedia = await links.ForTimelineAsync(incident.Id, ct);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return TypedResults.Ok(IncidentDetail.From(incident, clue => personalData.Show(clue, reveal), media, timelineMedia, now));
    }

    private static Task<Ok<IncidentDetail>> AuditedAsync(HttpContext http, ActionOutcome.Done done, CancellationToken ct)
    {
        http.Audit().Summary = $"{done.From} → {done.Incident.Status}, version {done.FromVersion} → {done.Incident.Version}";
        return AnswerAsync(http, done.Incident, ct);
    }

    /// <summary>403 naming the people who may take the step; the router and channels act only inside the platform.</summary>
    private static ProblemHttpResult ForbiddenActor(ActionOutcome.Forbidden forbidden) =>
        Problems.Problem(StatusCodes.Status403Forbidden, "incident.forbidden_actor", "Not yours to do.",
            $"Only {string.Join(" or ", forbidden.Roles)} {forbidden.Whose} may {forbidden.Action} it.",
            new Dictionary<string, object?> { ["action"] = forbidden.Action, ["allowedRoles"] = forbidden.Roles });

    internal static ProblemHttpResult NotFound(Guid id) =>
        Problems.NotFound("incident.not_found", $"No incident has id {id}.");

    /// <summary>Turns an action's outcome into its HTTP answer.</summary>
    internal static async Task<Results<Ok<IncidentDetail>, ProblemHttpResult, ValidationProblem>> ToResultAsync(
        this ActionOutcome outcome, HttpContext http, Guid id, CancellationToken ct) => outcome switch
    {
        ActionOutcome.Done done => await AuditedAsync(http, done, ct),
        ActionOutcome.NotFound => NotFound(id),
        ActionOutcome.Forbidden forbidden => ForbiddenActor(forbidden),
        ActionOutcome.Stale stale => Problems.PreconditionFailed("incident.stale",
            $"The incident has changed; its current ETag is {ETags.For(stale.CurrentVersion)}. Read it again before acting."),
        ActionOutcome.Refused { Error: InvalidTransitionException invalid } => Problems.Conflict(invalid.Code, invalid.Message,
            new Dictionary<string, object?> { ["currentStatus"] = invalid.From, ["action"] = invalid.Action.ApiName(), ["allowedActions"] = invalid.Allowed }),
        ActionOutcome.Refused refused => Problems.Conflict(refused.Error.Code, refused.Error.Message),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
    };
}
