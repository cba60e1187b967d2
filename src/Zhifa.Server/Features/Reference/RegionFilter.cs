using Zhifa.Core.Organization;

namespace Zhifa.Server.Features.Reference;

internal static class RegionFilter
{
    /// <summary>What lies in the region's subtree; the city holds everything, located or not.</summary>
    public static IQueryable<T> WithinRegion<T>(this IQueryable<T> query, Region region) where T : class, IPlacedInRegion =>
        region.Level switch
        {
            RegionLevel.County => query.Where(x => x.CountyCode == region.Code),
            RegionLevel.Township => query.Where(x => x.TownshipCode == region.Code),
            _ => query,
        };
}
