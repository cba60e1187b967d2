namespace Zhifa.Core.Analysis.Hotspots;

/// <summary>
/// What the hotspot, chronic-place and warning rules read about one incident: when it was reported,
/// what, where and through which channel. A flat record, so the rules are fed from a query as easily
/// as from hand-built test data. docs/hotspots.md gives each rule.
/// </summary>
/// <param name="ReportedAt">The first report's arrival.</param>
/// <param name="MatterCode">The incident's matter; an incident without one joins no hotspot, chronic place or matter rule.</param>
/// <param name="GridCode">The grid cell it lies in; null outside every grid.</param>
/// <param name="Channel">The channel of its first report.</param>
public sealed record SpotReport(
    Guid IncidentId,
    DateTimeOffset ReportedAt,
    string? MatterCode,
    string? GridCode,
    double Lat,
    double Lon,
    string? CountyCode,
    string? TownshipCode,
    string Channel);
