namespace Zhifa.Server.Data.Seeding;

/// <summary>The shape of <c>Seed/regions.huzhou.json</c>.</summary>
internal sealed record RegionFile(
    string Code,
    string Name,
    string? NameEn,
    string Level,
    string? Kind,
    double[]? DemoBox,
    List<RegionFile>? Children);
