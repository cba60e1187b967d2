using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Incidents;

namespace Zhifa.Server.Features.Reference;

/// <summary>Read access to the reference data: regions, grids, departments, matters, command centres.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Reference data");

        api.MapGet("/regions", Results<Ok<List<RegionView>>, ValidationProblem> (string? level, string? parentCode, bool? withBoundary, ReferenceData reference) =>
        {
            RegionLevel? wanted = null;
            if (level is not null)
            {
                if (!StrictEnum.TryParse<RegionLevel>(level, out var parsed))
                    return Problems.Field("level", "level is city, county or township.");
                wanted = parsed;
            }
            return TypedResults.Ok(reference.Regions.Values
                .Where(r => wanted is null || r.Level == wanted)
                .Where(r => parentCode is null || r.ParentCode == parentCode)
                .OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => RegionView.From(r, withBoundary == true)).ToList());
        });
        api.MapGet("/regions/{code}", Results<Ok<RegionView>, ProblemHttpResult> (string code, ReferenceData reference) =>
            reference.Regions.TryGetValue(code, out var r) ? TypedResults.Ok(RegionView.From(r, withBoundary: true)) : Missing("region", code));

        api.MapGet("/grids", GridsAsync);
        api.MapGet("/grids/{code}", async Task<Results<Ok<GridView>, ProblemHttpResult>> (string code, ZhifaDbContext db, CancellationToken ct) =>
            await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct) is { } g
                ? TypedResults.Ok(GridView.From(g, withBoundary: true)) : Missing("grid", code));

        api.MapGet("/departments", Results<Ok<List<DepartmentView>>, ValidationProblem> (string? regionCode, string? typeCode, ReferenceData reference) =>
        {
            var errors = new FieldErrors();
            errors.Known("regionCode", regionCode, reference.Regions, "region");
            errors.Known("typeCode", typeCode, reference.DepartmentTypes, "department type");
            if (errors.Any)
                return errors.ToProblem();
            return TypedResults.Ok(reference.Departments.Values
                .Where(d => (regionCode is null || d.RegionCode == regionCode) && (typeCode is null || d.TypeCode == typeCode))
                .OrderBy(d => d.Code, StringComparer.Ordinal).Select(DepartmentView.From).ToList());
        });
        api.MapGet("/departments/{code}", Results<Ok<DepartmentView>, ProblemHttpResult> (string code, ReferenceData reference) =>
            reference.Departments.TryGetValue(code, out var d) ? TypedResults.Ok(DepartmentView.From(d)) : Missing("department", code));

        api.MapGet("/department-types", (ReferenceData reference) => TypedResults.Ok(reference.DepartmentTypes.Values
            .OrderBy(t => t.Code, StringComparer.Ordinal).Select(DepartmentTypeView.From).ToList()));

        api.MapGet("/matters", (string? category, ReferenceData reference) => TypedResults.Ok(reference.Matters.Values
            .Where(m => category is null || m.Category == category)
            .OrderBy(m => m.Code, StringComparer.Ordinal).Select(MatterView.From).ToList()));
        api.MapGet("/matters/{code}", Results<Ok<MatterView>, ProblemHttpResult> (string code, ReferenceData reference) =>
            reference.Matters.TryGetValue(code, out var m) ? TypedResults.Ok(MatterView.From(m)) : Missing("matter", code));

        api.MapGet("/command-centers", (string? parentCode, ReferenceData reference) => TypedResults.Ok(reference.CommandCenters.Values
            .Where(c => parentCode is null || c.ParentCode == parentCode)
            .OrderBy(c => c.Code, StringComparer.Ordinal).Select(CommandCenterView.From).ToList()));
        api.MapGet("/command-centers/{code}", Results<Ok<CommandCenterView>, ProblemHttpResult> (string code, ReferenceData reference) =>
            reference.CommandCenters.TryGetValue(code, out var c) ? TypedResults.Ok(CommandCenterView.From(c)) : Missing("command_center", code));
        app.MapMatterEditing();
        app.MapGridImport();
        return app;
    }

    /// <summary>The grids under a region (all when none is named), paged by code.</summary>
    private static async Task<Results<Ok<PagedList<GridView>>, ValidationProblem>> GridsAsync(
        string? regionCode, int? page, int? pageSize, ReferenceData reference, ZhifaDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Known("regionCode", regionCode, reference.Regions, "region");
        errors.Paging(page, pageSize, 1000);
        if (errors.Any)
            return errors.ToProblem();
        var query = db.Grids.AsNoTracking();
        if (regionCode is not null)
            query = query.WithinRegion(reference.Regions[regionCode]);
        var (number, size) = (page ?? 1, pageSize ?? 100);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(g => g.Code).PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<GridView>(items.Select(g => GridView.From(g)).ToList(), total, number, size));
    }

    private static ProblemHttpResult Missing(string what, string code) =>
        Problems.NotFound($"{what}.not_found", $"No {what.Replace('_', ' ')} has code '{code}'.");
}
