namespace Zhifa.Core.Geo;

/// <summary>Where a point lies: its grid, township and county.</summary>
public sealed record GridLocation(string GridCode, string TownshipCode, string CountyCode);
