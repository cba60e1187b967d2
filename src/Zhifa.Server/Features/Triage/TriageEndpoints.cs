using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Incidents;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Triage;

/// <summary>POST /api/v1/triage/classify.</summary>
public sealed record ClassifyRequest(string? Text);

/// <summary>The matters of a text, best first (at least three), and whether the first is sure enough to dispatch on.</summary>
public sealed record ClassifyResponse(IReadOnlyList<MatterSuggestion> Suggestions, bool Confident);

public static class TriageEndpoints
{
    public const string NotReadyCode = "triage.classifier_not_ready";
    private const int RetryAfterSeconds = 5;

    public static IEndpointRouteBuilder MapTriageApi(this IEndpointRouteBuilder app)
    {
        var triage = app.MapGroup("/api/v1/triage").WithTags("Triage");
        triage.MapPost("/classify", Classify)
            .RequireAuthorization(AccessPolicies.ClassifyClues)
            .WithSummary("Suggest the matters of a clue's text, best first, with the model's confidence");
        triage.MapPost("/retrain", RetrainAsync)
            .RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Retrain the classifier from the shipped examples and the dispatchers' decisions, on this node");
        triage.MapTriageQueue();
        return app;
    }

    private static Results<Ok<ClassifyResponse>, ValidationProblem, ProblemHttpResult> Classify(ClassifyRequest body, ClueClassifier classifier, HttpContext http)
    {
        var errors = new FieldErrors();
        if (!errors.Required("text", body.Text, Clue.MaxTextLength))
            return errors.ToProblem();
        if (classifier.TryClassify(body.Text!.Trim()) is not { } result)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, NotReadyCode, "The classifier is not ready.",
                "The classifier's model is still being trained after a start; try again in a few seconds.");
        }
        return TypedResults.Ok(new ClassifyResponse(result.Suggestions, result.IsConfident));
    }

    private static async Task<Ok<RetrainReport>> RetrainAsync(ClassifierRetraining retraining, HttpContext http, CancellationToken ct)
    {
        var report = await retraining.RetrainAsync(ct);
        http.Audit().Summary = string.Create(CultureInfo.InvariantCulture,
            $"classifier retrained on {report.Examples} examples ({report.DecidedExamples} decided), held-out top-1 {report.HeldOut.Top1:0.000}, top-3 {report.HeldOut.Top3:0.000}");
        return TypedResults.Ok(report);
    }
}
