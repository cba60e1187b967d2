namespace Zhifa.Core.Organization;

/// <summary>One command centre (指挥中心) per city, county and township region.</summary>
public sealed class CommandCenter
{
    public const string Suffix = "ZHZX";
    public const int MaxCodeLength = 20;

    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string RegionCode { get; init; }
    public required RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }

    public static string CodeFor(string regionCode) => $"{regionCode}-{Suffix}";
}
