namespace Zhifa.Core.Organization;

/// <summary>A kind of department (农业农村局, 综合行政执法队 ...), instantiated in regions.</summary>
public sealed class DepartmentType
{
    /// <summary>The township comprehensive enforcement team's type code.</summary>
    public const string TownshipTeam = "ZFD";

    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public required IReadOnlyList<RegionLevel> Levels { get; set; }
}
