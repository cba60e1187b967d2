using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Server.Api;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Intake;

public static class ClueEndpoints
{
    public static IEndpointRouteBuilder MapCluesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/clues", ReportAsync)
            .RequireRateLimiting(RateLimits.Intake)
            .WithTags("Intake")
            .WithSummary("Report a clue from a channel; it becomes an incident, dispatched at once when matter and place are known");
        return app;
    }

    private static async Task<Results<Created<ClueAccepted>, Ok<ClueAccepted>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        ClueRequest body, IntakeService intake, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var errors = ClueValidation.Validate(body, reference);
        if (errors.Any)
            return errors.ToProblem();
        // A channel client's key speaks for one channel only.
        if (http.User.FindFirst(ApiKeyAuthenticationHandler.ChannelClaim)?.Value is { } keyChannel && keyChannel != body.Channel)
            return Problems.Problem(StatusCodes.Status403Forbidden, "intake.channel_mismatch", "The key belongs to another channel.",
                $"This API key reports for channel '{keyChannel}', not '{body.Channel}'.");
        var (answer, created) = await intake.ReportAsync(body, http.ActorName(anonymous: $"channel:{body.Channel}"), ct);
        return created
            ? TypedResults.Created($"/api/v1/incidents/{answer.IncidentId}", answer)
            : TypedResults.Ok(answer);
    }
}
