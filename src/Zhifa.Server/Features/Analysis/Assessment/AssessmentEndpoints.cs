using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Analysis.Assessment;
using Zhifa.Core.Time;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis.Assessment;

/// <summary>
/// The monthly department assessment (督查考核): <c>GET /api/v1/analysis/assessment</c> for the region
/// readers within their jurisdiction, and its weights, read by them and kept by supervisors, analysts and
/// the admin.
/// </summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analysis/assessment").WithTags("Analysis");
        group.MapGet("/", GetAsync).RequireAuthorization(AccessPolicies.ReadAnalysis)
            .WithSummary("The monthly department assessment: scores, ranks and the criteria they come from");
        group.MapGet("/weights", GetWeightsAsync).RequireAuthorization(AccessPolicies.ReadAnalysis)
            .WithSummary("The assessment's weight for each criterion, with the defaults");
        group.MapPut("/weights", PutWeightsAsync).RequireAuthorization(AccessPolicies.ManageAnalysis)
            .WithSummary("Set every criterion's weight (the last write wins)");
        return app;
    }

    private static async Task<Results<Ok<AssessmentReportView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? month, string? regionCode, AssessmentService assessment, ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (ParseMonth(month, now) is not { } period)
            return Problems.Field("month", $"month is a month as yyyy-MM from 2000-01 up to the current one ({PlatformTime.LocalDate(now):yyyy-MM}), such as 2026-10.");
        return AnalysisRegion.Resolve(regionCode, http.Jurisdiction(), reference) switch
        {
            AnalysisRegion.Resolution.Found found => TypedResults.Ok(AssessmentReportView.Of(await assessment.ReportAsync(found.Region, period, ct))),
            AnalysisRegion.Resolution.Unknown => Problems.Field("regionCode", $"Unknown region '{regionCode}'."),
            _ => AnalysisRegion.NotYours(regionCode),
        };
    }

    /// <summary>
    /// The month asked for, or the last full month without one; null when it is not a month as yyyy-MM, or
    /// lies after the current one (a month that has not begun has nothing to assess).
    /// </summary>
    public static IndicatorPeriod? ParseMonth(string? text, DateTimeOffset now)
    {
        if (text is null)
            return AssessmentService.LastFullMonth(now);
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || text.Length != 7 || first.Year < 2000)
            return null;
        var current = AssessmentService.MonthOf(PlatformTime.LocalDate(now));
        return first > current.First ? null : AssessmentService.MonthOf(first);
    }

    private static async Task<Ok<AssessmentWeightsView>> GetWeightsAsync(AssessmentWeightStore store, CancellationToken ct) =>
        TypedResults.Ok(AssessmentWeightsView.Of(await store.LoadAsync(ct)));

    private static async Task<Results<Ok<AssessmentWeightsView>, ValidationProblem>> PutWeightsAsync(
        AssessmentWeightsBody body, AssessmentWeightStore store, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var given = new Dictionary<AssessmentCriterion, double>();
        foreach (var (criterion, weight) in body.Given())
        {
            if (weight is null)
                errors.Add(criterion.ApiName(), $"The {criterion.ApiName()} field is required: a weight from 0 to {AssessmentWeights.MaxWeight}.");
            else
                given[criterion] = weight.Value;
        }
        if (!errors.Any)
            foreach (var (criterion, message) in AssessmentWeights.Problems(given))
                errors.Add(criterion?.ApiName() ?? "weights", message);
        if (errors.Any)
            return errors.ToProblem();
        var saved = await store.SaveAsync(new AssessmentWeights(given), http.User.Identity?.Name, ct);
        http.Audit().Target = "assessment-weights";
        http.Audit().Summary = "assessment weights set: " + string.Join(", ",
            saved.Weights.All.Select(w => $"{w.Key.ApiName()} {w.Value.ToString(CultureInfo.InvariantCulture)}"));
        return TypedResults.Ok(AssessmentWeightsView.Of(saved));
    }
}
