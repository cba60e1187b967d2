namespace Zhifa.Core.Organization;

/// <summary>The smallest patrol area (网格), inside one township.</summary>
public sealed class Grid : IPlacedInRegion
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string TownshipCode { get; init; }
    public required string CountyCode { get; init; }
    public required string BoundaryWkt { get; set; }
    public double CenterLat { get; set; }
    public double CenterLon { get; set; }
}
