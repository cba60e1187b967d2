namespace Zhifa.Core.Organization;

/// <summary>Something that lies in a county and a township: a grid, an incident.</summary>
public interface IPlacedInRegion
{
    string? CountyCode { get; }
    string? TownshipCode { get; }
}
