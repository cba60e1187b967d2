using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Access;
using Zhifa.Core.Analysis;
using Zhifa.Core.Organization;
using Zhifa.Data.Analysis;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// The region an analysis covers: the whole city, one county or one township. Asked for by
/// <c>regionCode</c>, or the caller's own jurisdiction when none is given; never wider than it.
/// </summary>
public sealed record AnalysisRegion(string? Code, string? CountyCode, string? TownshipCode)
{
    public static readonly AnalysisRegion WholeCity = new(null, null, null);

    /// <summary>Grouping by region lists the next level down: counties of the city, townships of a county.</summary>
    public bool ListsCounties => CountyCode is null && TownshipCode is null;

    /// <summary>The region's own aggregate cells: its township's, its county's as a whole, or the whole city's.</summary>
    public IQueryable<IndicatorCellRow> Cells(IQueryable<IndicatorCellRow> cells)
    {
        var (county, township) = TownshipCode is { } t ? (CountyCode ?? "", t)
            : CountyCode is { } c ? (c, IndicatorCells.EveryPlace)
            : (IndicatorCells.EveryPlace, IndicatorCells.EveryPlace);
        return cells.Where(d => d.CountyCode == county && d.TownshipCode == township);
    }

    /// <summary>
    /// The cells of the places one level down, each as a whole: the counties of the city, the townships
    /// of a county, and those of incidents placed in none of them (code ""). A township has none
    /// below and gives its own. The places are listed so that the index is sought once per place.
    /// </summary>
    public IQueryable<IndicatorCellRow> CellsBelow(IQueryable<IndicatorCellRow> cells, ReferenceData reference)
    {
        if (TownshipCode is not null)
            return Cells(cells);
        List<string> places = ["", .. reference.Regions.Values
            .Where(r => CountyCode is { } county ? r.ParentCode == county : r.Level == RegionLevel.County).Select(r => r.Code)];
        return CountyCode is { } c
            ? cells.Where(d => d.CountyCode == c && places.Contains(d.TownshipCode))
            : cells.Where(d => places.Contains(d.CountyCode) && d.TownshipCode == IndicatorCells.EveryPlace);
    }

    public IQueryable<IncidentFactRow> Filter(IQueryable<IncidentFactRow> facts) =>
        TownshipCode is { } township ? facts.Where(f => f.TownshipCode == township)
        : CountyCode is { } county ? facts.Where(f => f.CountyCode == county)
        : facts;

    public abstract record Resolution
    {
        public sealed record Found(AnalysisRegion Region) : Resolution;
        public sealed record Unknown : Resolution;
        public sealed record OutOfScope : Resolution;
    }

    public static Resolution Resolve(string? regionCode, Jurisdiction caller, ReferenceData reference)
    {
        if (string.IsNullOrWhiteSpace(regionCode))
            return caller.WholeCity ? new Resolution.Found(WholeCity)
                : caller.CountyCode is { } home ? new Resolution.Found(new(home, home, null))
                : caller.TownshipCode is { } township ? new Resolution.Found(Township(township, reference))
                : new Resolution.OutOfScope();
        if (!reference.Regions.TryGetValue(regionCode, out var region))
            return new Resolution.Unknown();
        var asked = region.Level switch
        {
            RegionLevel.City => WholeCity with { Code = region.Code },
            RegionLevel.County => new AnalysisRegion(region.Code, region.Code, null),
            _ => Township(region.Code, reference),
        };
        return Within(caller, region.Code, reference) ? new Resolution.Found(asked) : new Resolution.OutOfScope();
    }

    /// <summary>Whether the region lies in the caller's: the whole city, their county and its townships, or their township.</summary>
    public static bool Within(Jurisdiction caller, string regionCode, ReferenceData reference) =>
        caller.WholeCity || caller.Roles.Contains(Role.Admin)
        || (caller.CountyCode is { } county && (regionCode == county || reference.Regions.GetValueOrDefault(regionCode)?.ParentCode == county))
        || (caller.TownshipCode is { } township && regionCode == township);

    /// <summary>Another jurisdiction's region is not found, as another county's centre is.</summary>
    public static ProblemHttpResult NotYours(string? regionCode) =>
        Problems.NotFound("region.not_found", regionCode is null
            ? "Analysis covers a command centre's region; yours has none."
            : $"Region {regionCode} is not within your jurisdiction.");

    private static AnalysisRegion Township(string code, ReferenceData reference) =>
        new(code, reference.Regions.GetValueOrDefault(code)?.ParentCode, code);
}
