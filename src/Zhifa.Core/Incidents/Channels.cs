namespace Zhifa.Core.Incidents;

/// <summary>The channels clues arrive through (统一收集).</summary>
public static class Channels
{
    public const string Grid = "grid";
    public const string Hotline12345 = "hotline12345";
    public const string CityManagement = "citymgmt";
    public const string App = "app";
    public const string Spoil = "spoil";
    public const string Manual = "manual";
    public const string Open311 = "open311";

    public static IReadOnlyList<string> All { get; } = [Grid, Hotline12345, CityManagement, App, Spoil, Manual, Open311];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel);
}
