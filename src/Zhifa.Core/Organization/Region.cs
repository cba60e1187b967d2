namespace Zhifa.Core.Organization;

/// <summary>A city, county/district or township/street. Codes follow the national division codes.</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
    /// <summary>street, town or township, for township-level regions.</summary>
    public string? Kind { get; set; }
    /// <summary>Boundary as WKT (WGS-84, x = longitude).</summary>
    public required string BoundaryWkt { get; set; }
    public double CenterLat { get; set; }
    public double CenterLon { get; set; }
}
