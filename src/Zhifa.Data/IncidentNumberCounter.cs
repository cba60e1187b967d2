namespace Zhifa.Data;

/// <summary>The last sequence number used for one prefix ({countyCode}-{yyyyMMdd}) of incident numbers.</summary>
public sealed class IncidentNumberCounter
{
    public required string Prefix { get; init; }
    public int Last { get; set; }
}
