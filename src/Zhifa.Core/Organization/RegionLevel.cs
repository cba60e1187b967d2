namespace Zhifa.Core.Organization;

public enum RegionLevel
{
    City,
    County,
    Township,
}
