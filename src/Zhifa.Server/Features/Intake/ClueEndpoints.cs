using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Zhifa.Core;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Intake;

public static class ClueEndpoints
{
    public static IEndpointRouteBuilder MapCluesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/clues", ReportAsync)
            .RequireAuthorization(AccessPolicies.ReportClues)
            .RequireRateLimiting(RateLimits.Intake)
            .WithTags("Intake")
            .WithSummary("Report a clue from a channel; it becomes an incident, dispatched at once when matter and place are known");
        return app;
    }

    private static async Task<Results<Created<ClueAccepted>, Ok<ClueAccepted>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        ClueRequest body, IntakeService intake, ReferenceData reference, ClueMediaLinks media, HttpContext http, CancellationToken ct)
    {
        var (errors, valid) = ClueValidation.Validate(body, reference);
        var idempotencyKey = IdempotencyKeyOf(http.Request, errors);
        await media.CheckAsync(body.MediaIds, http.User, errors, ct);
        if (errors.Any)
            return errors.ToProblem();
        var channels = ChannelsOf(http.User);
        if (!channels.Contains(body.Channel!))
            return Problems.Problem(StatusCodes.Status403Forbidden, "intake.channel_mismatch", "Not your channel.",
                $"This caller reports through channel {string.Join(" or ", channels.Select(c => $"'{c}'"))}, not '{body.Channel}'.");
        ClueAccepted answer;
        bool created;
        try
        {
            (answer, created) = await intake.ReportAsync(valid!, ReporterOf(http), idempotencyKey, ct);
        }
        catch (DomainException refused)
        {
            return refused.Code == IntakeReplays.KeyReusedCode
                ? Problems.Problem(StatusCodes.Status422UnprocessableEntity, refused.Code, "The Idempotency-Key belongs to another request.", refused.Message)
                : Problems.Conflict(refused.Code, refused.Message);
        }
        http.Audit().Target = answer.IncidentId.ToString();
        http.Audit().Summary = created ? $"clue {answer.ClueId} made incident {answer.IncidentNumber} ({answer.Status})" : $"repeat of clue {answer.ClueId}";
        return created
            ? TypedResults.Created($"/api/v1/incidents/{answer.IncidentId}", answer)
            : TypedResults.Ok(answer);
    }

    /// <summary>A person's own reports are theirs to follow; a channel system's are not tied to a user.</summary>
    public static Reporter ReporterOf(HttpContext http) => new(
        http.ActorName(),
        http.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? null : http.Jurisdiction().UserId);

    /// <summary>The Idempotency-Key header, when sent: one visible ASCII token of at most 200 characters.</summary>
    public static string? IdempotencyKeyOf(HttpRequest request, FieldErrors errors)
    {
        if (!request.Headers.TryGetValue(IntakeReplays.HeaderName, out var values))
            return null;
        var key = values.Count == 1 ? values[0] : null;
        if (key is null || key.Length is 0 or > IntakeReplays.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            errors.Add(IntakeReplays.HeaderName, $"Send one {IntakeReplays.HeaderName} of 1 to {IntakeReplays.MaxKeyLength} visible ASCII characters, such as a UUID.");
            return null;
        }
        return key;
    }

    /// <summary>
    /// The channels a caller reports through: a channel key its own channel, a grid worker the grid
    /// patrol, a dispatcher manual entry at the centre.
    /// </summary>
    private static IReadOnlySet<string> ChannelsOf(ClaimsPrincipal user)
    {
        var channels = new HashSet<string>(user.FindAll(ApiKeyAuthenticationHandler.ChannelClaim).Select(c => c.Value));
        if (user.IsInRole(nameof(Role.GridWorker)))
            channels.Add(Channels.Grid);
        if (user.IsInRole(nameof(Role.Dispatcher)))
            channels.Add(Channels.Manual);
        return channels;
    }
}
