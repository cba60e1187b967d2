using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Incidents;

/// <summary>
/// POST /api/v1/incidents/{id}/split: a dispatcher takes a report that joined an incident out
/// again, as an incident of its own (拆分). It undoes the duplicate check's join, or a colleague's
/// misjudgement; the report is routed afresh, without another duplicate check.
/// </summary>
internal static class IncidentSplit
{
    public static void MapIncidentSplit(this RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/split", SplitAsync).RequireAuthorization(AccessPolicies.SplitIncidents)
            .WithSummary("Take a report out of an incident into an incident of its own");

    private static async Task<Results<Created<IncidentDetail>, ProblemHttpResult, ValidationProblem>> SplitAsync(
        Guid id, SplitRequest body, IncidentWorkflow workflow, IntakeService intake, ReferenceData reference,
        ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body.ClueId is null)
            errors.Add("clueId", "The clueId field is required.");
        errors.MaxLength("note", body.Note, 1000);
        if (errors.Any)
            return errors.ToProblem();
        var caller = http.Jurisdiction();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var source = await workflow.LoadVisibleAsync(id, caller, ct);
        if (source is null)
            return IncidentEndpoints.NotFound(id);
        if (!ETags.Matches(http.IfMatch(), source.Version))
            return Problems.PreconditionFailed("incident.stale", $"The incident has changed; its current ETag is {ETags.For(source.Version)}.");
        if (!caller.Roles.Contains(Role.Dispatcher) || !IncidentAccess.HandledWithin(source, caller))
            return Problems.Problem(StatusCodes.Status403Forbidden, "incident.forbidden_actor", "Not yours to do.",
                "Only a dispatcher of the centre handling this incident may split it.",
                new Dictionary<string, object?> { ["action"] = Incident.SplitAction, ["allowedRoles"] = new[] { Role.Dispatcher } });

        var now = time.GetUtcNow();
        Incident split;
        try
        {
            var clue = source.SplitOut(body.ClueId!.Value, http.ActorName(), now, body.Note);
            var location = reference.Grids.Locate(new(clue.Lat, clue.Lon))
                ?? throw new DomainException("incident.clue_off_grid", $"Clue {clue.Id} lies outside today's grids; it cannot be placed.");
            var matter = clue.MatterCode is null ? null : reference.Matters.GetValueOrDefault(clue.MatterCode);
            split = await intake.OpenAsync(clue, matter, location, http.ActorName(), DuplicateFinding.None, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DomainException refused)
        {
            return refused.Code == "incident.clue_not_found"
                ? Problems.Field("clueId", refused.Message)
                : Problems.Conflict(refused.Code, refused.Message);
        }
        http.Audit().Target = id.ToString();
        http.Audit().Summary = $"clue {body.ClueId} split out of {source.Number} into {split.Number}";
        var answer = await IncidentEndpoints.AnswerAsync(http, split, ct);
        return TypedResults.Created($"/api/v1/incidents/{split.Id}", answer.Value);
    }
}
