namespace Zhifa.Core.Organization;

/// <summary>A department type in one region, coded <c>{regionCode}-{type}</c>, e.g. 330503-NYNC.</summary>
public sealed class Department
{
    public const int MaxCodeLength = 24;

    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string TypeCode { get; init; }
    public required string RegionCode { get; init; }

    public static string CodeFor(string regionCode, string typeCode) => $"{regionCode}-{typeCode}";
}
