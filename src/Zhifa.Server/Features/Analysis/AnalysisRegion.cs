using Zhifa.Core.Access;
using Zhifa.Core.Organization;
using Zhifa.Data.Analysis;
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

    public IQueryable<IndicatorDay> Filter(IQueryable<IndicatorDay> days) =>
        TownshipCode is { } township ? days.Where(d => d.TownshipCode == township)
        : CountyCode is { } county ? days.Where(d => d.CountyCode == county)
        : days;

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
        var within = caller.WholeCity
            || (caller.CountyCode is { } county && asked.CountyCode == county)
            || (caller.TownshipCode is { } own && asked.TownshipCode == own);
        return within ? new Resolution.Found(asked) : new Resolution.OutOfScope();
    }

    private static AnalysisRegion Township(string code, ReferenceData reference) =>
        new(code, reference.Regions.GetValueOrDefault(code)?.ParentCode, code);
}
