using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Organization;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Data.Analysis;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis.Packs;

/// <summary>
/// The analysis packs (日关注, 周研判, 月会商): listed, read as JSON or .xlsx, and made by hand, by the region
/// readers for the command centres within their jurisdiction. Another jurisdiction's pack is not found.
/// </summary>
public static class PackEndpoints
{
    public const int DefaultPageSize = 20, MaxPageSize = 100;
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapPackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analysis/packs").WithTags("Analysis").RequireAuthorization(AccessPolicies.ReadAnalysis);
        group.MapGet("", ListAsync).WithSummary("The packs of the caller's jurisdiction, or of one region in it, newest first");
        group.MapPost("", GenerateAsync).WithSummary("Makes a daily, weekly or monthly pack now, for a period and a centre's region");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A pack with its contents");
        group.MapGet("/{id:guid}.xlsx", XlsxAsync).WithSummary("A pack as an .xlsx workbook, one sheet per section");
        return app;
    }

    private static async Task<Results<Ok<PagedList<PackSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(string? kind, string? regionCode,
        int? page, int? pageSize, ZhifaDbContext db, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kindOf = string.IsNullOrEmpty(kind) ? (AnalysisPackKind?)null : ParseKind("kind", kind, errors);
        errors.Paging(page, pageSize, MaxPageSize);
        if (!string.IsNullOrEmpty(regionCode))
            errors.Known("regionCode", regionCode, reference.Regions, "region");
        if (errors.Any)
            return errors.ToProblem();
        var caller = http.Jurisdiction();
        if (!string.IsNullOrEmpty(regionCode) && !AnalysisRegion.Within(caller, regionCode, reference))
            return AnalysisRegion.NotYours(regionCode);
        string[] regions = string.IsNullOrEmpty(regionCode) ? Readable(caller, reference) : [regionCode];
        var query = db.AnalysisPacks.AsNoTracking().Where(p => regions.Contains(p.RegionCode));
        if (kindOf is { } k)
            query = query.Where(p => p.Kind == k);
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.GeneratedAt).ThenBy(p => p.Id).PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<PackSummary>([.. rows.Select(PackStore.Summary)], total, number, size));
    }

    private static async Task<Results<Ok<PackView>, ProblemHttpResult>> GetAsync(Guid id, ZhifaDbContext db, ReferenceData reference,
        HttpContext http, CancellationToken ct) =>
        await FindAsync(id, db, reference, http, ct) is { } pack ? TypedResults.Ok(PackStore.View(pack)) : NotFound(id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> XlsxAsync(Guid id, ZhifaDbContext db, ReferenceData reference,
        HttpContext http, CancellationToken ct)
    {
        if (await FindAsync(id, db, reference, http, ct) is not { } pack)
            return NotFound(id);
        return TypedResults.File(PackWorkbook.Write(PackStore.View(pack), reference), XlsxType, $"{PackStore.Name(pack.Kind)}-{pack.RegionCode}-{pack.Period}.xlsx");
    }

    private static async Task<Results<Created<PackView>, ValidationProblem, ProblemHttpResult>> GenerateAsync(PackRequest? body, PackStore store,
        ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body is null)
            return Problems.Field("kind", "A pack is asked for by its kind: daily, weekly or monthly.");
        var kind = ParseKind("kind", body.Kind, errors);
        if (!string.IsNullOrEmpty(body.CenterCode) && !string.IsNullOrEmpty(body.RegionCode))
            errors.Add("centerCode", "Name the centre or its region, not both.");
        else if (!string.IsNullOrEmpty(body.CenterCode))
            errors.Known("centerCode", body.CenterCode, reference.CommandCenters, "command centre");
        else if (!string.IsNullOrEmpty(body.RegionCode) && !reference.Regions.ContainsKey(body.RegionCode))
            errors.Add("regionCode", $"Unknown region '{body.RegionCode}'.");
        var period = errors.Any ? null : PackPeriods.Parse(kind!.Value, body.Period, PlatformTime.LocalDate(time.GetUtcNow()), errors);
        if (errors.Any)
            return errors.ToProblem();
        var caller = http.Jurisdiction();
        var center = !string.IsNullOrEmpty(body.CenterCode) ? reference.CommandCenters[body.CenterCode]
            : !string.IsNullOrEmpty(body.RegionCode) ? reference.CommandCenters.GetValueOrDefault(CommandCenter.CodeFor(body.RegionCode))
            : caller.HomeCenterCode is { } home ? reference.CommandCenters.GetValueOrDefault(home) : null;
        if (center is null || !AnalysisRegion.Within(caller, center.RegionCode, reference))
            return AnalysisRegion.NotYours(body.RegionCode ?? center?.RegionCode);
        var pack = await store.GenerateAsync(kind!.Value, center, period!, http.ActorName(), ct);
        return TypedResults.Created($"/api/v1/analysis/packs/{pack.Id}", PackStore.View(pack));
    }

    /// <summary>The pack, when its region lies within the caller's jurisdiction.</summary>
    private static async Task<AnalysisPack?> FindAsync(Guid id, ZhifaDbContext db, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var pack = await db.AnalysisPacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return pack is not null && AnalysisRegion.Within(http.Jurisdiction(), pack.RegionCode, reference) ? pack : null;
    }

    /// <summary>The regions whose packs the caller reads: the whole city's, their county and its townships', or their township's.</summary>
    private static string[] Readable(Jurisdiction caller, ReferenceData reference) =>
        [.. reference.CommandCenters.Values.Select(c => c.RegionCode).Where(code => AnalysisRegion.Within(caller, code, reference))];

    private static AnalysisPackKind? ParseKind(string field, string? text, FieldErrors errors)
    {
        if (Enum.TryParse<AnalysisPackKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _))
            return kind;
        errors.Add(field, $"{field} is one of daily, weekly, monthly.");
        return null;
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("pack.not_found", $"No analysis pack {id} in your jurisdiction.");
}
