using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis.Hotspots;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Analysis.Hotspots;

/// <summary>
/// 态势分析's places: the week's hotspots, the chronic places and the risk warnings, each for the caller's
/// jurisdiction or a region within it, each listing the incidents behind it. docs/hotspots.md defines them.
/// </summary>
public static class HotspotEndpoints
{
    public static IEndpointRouteBuilder MapHotspotApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analysis").WithTags("Analysis");
        group.MapGet("/hotspots", HotspotsAsync).RequireAuthorization(AccessPolicies.ReadAnalysis)
            .WithSummary("The week's hotspots: grid cells and matters far above their 8-week baseline (exact Poisson test, Bonferroni)");
        group.MapGet("/chronic", ChronicAsync).RequireAuthorization(AccessPolicies.ReadAnalysis)
            .WithSummary("Chronic places (顽疾): one matter 3 or more times at one spot within 30 days");
        group.MapGet("/warnings", WarningsAsync).RequireAuthorization(AccessPolicies.ReadAnalysis)
            .WithSummary("The risk warnings the enabled rules give now, or at a given instant");
        app.MapWarningRulesApi();
        return app;
    }

    private static async Task<Results<Ok<HotspotWeekView>, ValidationProblem, ProblemHttpResult>> HotspotsAsync(string? week, string? regionCode, HotspotReads reads, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = errors.Date("week", string.IsNullOrEmpty(week) ? null : week);
        var caller = http.Jurisdiction();
        var (region, notYours) = reads.Region(errors, regionCode, caller);
        if (errors.Any)
            return errors.ToProblem();
        if (notYours is not null)
            return notYours;
        var settings = HotspotSettings.Default;
        var (from, to) = WeeklyHotspots.WeekOf(day ?? PlatformTime.LocalDate(time.GetUtcNow()));
        var loaded = await reads.LoadAsync(caller, region, from.AddDays(-7 * settings.BaselineWeeks), to, endInclusive: false, ct);
        var found = WeeklyHotspots.Find(loaded.Reports, PlatformTime.LocalDate(from), settings);
        return TypedResults.Ok(new HotspotWeekView(region?.Code, found.From, found.To, settings.BaselineWeeks, settings.RateFloor, settings.Alpha,
            settings.MinCount, found.CellsTested, found.Threshold,
            [.. found.Hotspots.Select(h => new HotspotView(h.GridCode, h.MatterCode, h.Count, h.Baseline, h.Rate, h.PValue, loaded.Links(h.IncidentIds)))]));
    }

    private static async Task<Results<Ok<ChronicView>, ValidationProblem, ProblemHttpResult>> ChronicAsync(string? regionCode, string? at, HotspotReads reads, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var instant = errors.Instant("at", string.IsNullOrEmpty(at) ? null : at);
        var caller = http.Jurisdiction();
        var (region, notYours) = reads.Region(errors, regionCode, caller);
        if (errors.Any)
            return errors.ToProblem();
        if (notYours is not null)
            return notYours;
        var now = instant ?? time.GetUtcNow();
        var (after, upTo) = ChronicPlaces.WindowAt(now);
        var loaded = await reads.LoadAsync(caller, region, after, upTo, endInclusive: true, ct);
        var places = ChronicPlaces.Find(loaded.Reports, now);
        return TypedResults.Ok(new ChronicView(region?.Code, after, upTo, ChronicPlaces.Threshold, ChronicPlaces.RadiusMeters,
            [.. places.Select(p => new ChronicPlaceView(p.GridCode, p.MatterCode, p.Lat, p.Lon, p.Count, p.FirstReportedAt, p.LastReportedAt, loaded.Links(p.IncidentIds)))]));
    }

    private static async Task<Results<Ok<WarningsView>, ValidationProblem, ProblemHttpResult>> WarningsAsync(string? at, string? regionCode, HotspotReads reads, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var instant = errors.Instant("at", string.IsNullOrEmpty(at) ? null : at);
        var caller = http.Jurisdiction();
        var (region, notYours) = reads.Region(errors, regionCode, caller);
        if (errors.Any)
            return errors.ToProblem();
        if (notYours is not null)
            return notYours;
        var now = instant ?? time.GetUtcNow();
        var rules = await db.WarningRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct);
        if (rules.Count == 0)
            return TypedResults.Ok(new WarningsView(region?.Code, now, []));
        // One read covers the longest window; each rule then counts within its own.
        var longest = TimeSpan.FromHours(rules.Max(r => r.WindowHours));
        var loaded = await reads.LoadAsync(caller, region, now - longest, now, endInclusive: true, ct);
        var warnings = RiskWarnings.Evaluate(rules, loaded.Reports, now);
        return TypedResults.Ok(new WarningsView(region?.Code, now,
            [.. warnings.Select(w => new WarningView(w.RuleId, w.RuleName, w.Severity, w.Threshold, w.After, w.UpTo, w.Count, loaded.Links(w.IncidentIds)))]));
    }
}
