using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Time;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// <c>GET /api/v1/analysis/indicators</c>: the situation indicators of a period grouped by department,
/// matter, region or channel, within the caller's jurisdiction, each beside the previous period's.
/// </summary>
public static class IndicatorEndpoints
{
    /// <summary>Without dates, the last 30 days up to today.</summary>
    public const int DefaultDays = 30;
    /// <summary>Two years and a day: the longest period compared with one before it.</summary>
    public const int MaxDays = 732;

    public static IEndpointRouteBuilder MapIndicatorApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/analysis/indicators", GetAsync).WithTags("Analysis").RequireAuthorization(AccessPolicies.ReadAnalysis)
            .WithSummary("Situation indicators per department, matter, region or channel, with the change against the previous period");
        return app;
    }

    private static async Task<Results<Ok<IndicatorReportView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? groupBy, string? from, string? to, string? regionCode, IndicatorService indicators, ReferenceData reference,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var grouping = ParseGrouping(groupBy, errors);
        var period = ParsePeriod(from, to, PlatformTime.LocalDate(time.GetUtcNow()), errors);
        if (errors.Any)
            return errors.ToProblem();
        return AnalysisRegion.Resolve(regionCode, http.Jurisdiction(), reference) switch
        {
            AnalysisRegion.Resolution.Found found =>
                TypedResults.Ok(IndicatorReportView.Of(await indicators.ReportAsync(grouping, found.Region, period!, ct))),
            AnalysisRegion.Resolution.Unknown => Problems.Field("regionCode", $"Unknown region '{regionCode}'."),
            _ => AnalysisRegion.NotYours(regionCode),
        };
    }

    private static IndicatorGrouping ParseGrouping(string? text, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
            return IndicatorGrouping.Department;
        if (Enum.TryParse<IndicatorGrouping>(text, ignoreCase: true, out var grouping) && !int.TryParse(text, out _))
            return grouping;
        errors.Add("groupBy", "groupBy is one of department, matter, region, channel.");
        return default;
    }

    /// <summary>Whole days, both included; without dates the last <see cref="DefaultDays"/> days up to today.</summary>
    public static IndicatorPeriod? ParsePeriod(string? from, string? to, DateOnly today, FieldErrors errors)
    {
        var last = errors.Date("to", to, 2000, 2100) ?? today;
        var first = errors.Date("from", from, 2000, 2100) ?? last.AddDays(1 - DefaultDays);
        if (errors.Any)
            return null;
        if (first > last)
            errors.Add("from", "from is on or before to.");
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays)
            errors.Add("from", $"A period is at most {MaxDays} days.");
        return errors.Any ? null : new IndicatorPeriod(first, last);
    }
}
