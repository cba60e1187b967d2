using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis;

/// <summary>One Beijing day's flows in a region: received, first dispatched, closed and closed on time.</summary>
public sealed record TrendDay(DateOnly Date, long Received, long Dispatched, long Closed, long ClosedOnTime);

public sealed record TrendView(string? RegionCode, DateOnly From, DateOnly To, IReadOnlyList<TrendDay> Days);

/// <summary>The day-by-day flows of a period, from the same aggregates as the indicators: every day listed, empty ones as zeros.</summary>
public static class IndicatorTrend
{
    public static async Task<IReadOnlyList<TrendDay>> DaysAsync(ZhifaDbContext db, AnalysisRegion region, IndicatorPeriod period, CancellationToken ct)
    {
        var end = period.Last.AddDays(1);
        // Every incident has one channel: the channel cells of a day count each incident once.
        var rows = await region.Cells(db.IndicatorCells.AsNoTracking().Where(d => d.Dimension == IndicatorDimension.Channel))
            .Where(d => d.Grain == IndicatorGrain.Day && d.Day >= period.First && d.Day < end)
            .GroupBy(d => d.Day)
            .Select(g => new TrendDay(g.Key, g.Sum(d => d.Received), g.Sum(d => d.Dispatched), g.Sum(d => d.Closed), g.Sum(d => d.ClosedOnTime)))
            .ToDictionaryAsync(d => d.Date, ct);
        return [.. Enumerable.Range(0, period.Days).Select(n => period.First.AddDays(n))
            .Select(day => rows.GetValueOrDefault(day) ?? new TrendDay(day, 0, 0, 0, 0))];
    }

    public static IEndpointRouteBuilder MapTrendApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/analysis/trend", GetAsync).WithTags("Analysis").RequireAuthorization(AccessPolicies.ReadAnalysis)
            .WithSummary("Received, dispatched and closed per day of a period, within the caller's jurisdiction");
        return app;
    }

    private static async Task<Results<Ok<TrendView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? from, string? to, string? regionCode, ZhifaDbContext db, ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var period = IndicatorEndpoints.ParsePeriod(from, to, PlatformTime.LocalDate(time.GetUtcNow()), errors);
        if (errors.Any)
            return errors.ToProblem();
        return AnalysisRegion.Resolve(regionCode, http.Jurisdiction(), reference) switch
        {
            AnalysisRegion.Resolution.Found found =>
                TypedResults.Ok(new TrendView(found.Region.Code, period!.First, period.Last, await DaysAsync(db, found.Region, period, ct))),
            AnalysisRegion.Resolution.Unknown => Problems.Field("regionCode", $"Unknown region '{regionCode}'."),
            _ => AnalysisRegion.NotYours(regionCode),
        };
    }
}
