using Zhifa.Core.Geo;

namespace Zhifa.Core.Analysis.Hotspots;

/// <summary>
/// A chronic place (顽疾): one matter reported again and again at one spot. <see cref="GridCode"/> names the
/// spot when it is a grid cell; outside every grid the spot is the circle of <see cref="ChronicPlaces.RadiusMeters"/>
/// round its first report, at (<see cref="Lat"/>, <see cref="Lon"/>).
/// </summary>
/// <param name="IncidentIds">Its incidents, oldest first.</param>
public sealed record ChronicPlace(string? GridCode, string MatterCode, double Lat, double Lon, int Count, DateTimeOffset FirstReportedAt, DateTimeOffset LastReportedAt, Guid[] IncidentIds);

/// <summary>
/// Finds the chronic places at an instant: the same spot with <see cref="Threshold"/> or more incidents of
/// one matter reported in the <see cref="Window"/> up to and including it. The same spot is the same grid
/// cell; for incidents outside every grid, within <see cref="RadiusMeters"/> of a first report (decision 0031).
/// </summary>
public static class ChronicPlaces
{
    public const int Threshold = 3;
    public const double RadiusMeters = 100;
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>The window (at − 30 days, at]: an incident reported at the very instant of the look counts.</summary>
    public static (DateTimeOffset After, DateTimeOffset UpTo) WindowAt(DateTimeOffset at) => (at - Window, at);

    public static ChronicPlace[] Find(IEnumerable<SpotReport> reports, DateTimeOffset at)
    {
        var (after, upTo) = WindowAt(at);
        var recent = reports.Where(r => r.MatterCode is not null && r.ReportedAt > after && r.ReportedAt <= upTo)
            .OrderBy(r => r.ReportedAt).ThenBy(r => r.IncidentId).ToList();
        var places = recent.Where(r => r.GridCode is not null)
            .GroupBy(r => (Grid: r.GridCode!, Matter: r.MatterCode!))
            .Where(g => g.Count() >= Threshold)
            .Select(g => Place(g.Key.Grid, [.. g]))
            .ToList();
        places.AddRange(Ungridded(recent.Where(r => r.GridCode is null)));
        return [.. places.OrderByDescending(p => p.Count).ThenByDescending(p => p.LastReportedAt)
            .ThenBy(p => p.GridCode, StringComparer.Ordinal).ThenBy(p => p.MatterCode, StringComparer.Ordinal).ThenBy(p => p.IncidentIds[0])];
    }

    /// <summary>
    /// Outside the grids, clusters round a seed: the oldest report not yet placed takes every report of its
    /// matter, not yet placed, within the radius of it. Seeding from the oldest keeps the answer the same
    /// whatever order the reports come in, and each incident belongs to one place at most.
    /// </summary>
    private static IEnumerable<ChronicPlace> Ungridded(IEnumerable<SpotReport> reports)
    {
        foreach (var matter in reports.GroupBy(r => r.MatterCode!))
        {
            var left = matter.ToList();
            while (left.Count > 0)
            {
                var seed = new GeoPoint(left[0].Lat, left[0].Lon);
                var near = left.Where(r => seed.DistanceMeters(new GeoPoint(r.Lat, r.Lon)) <= RadiusMeters).ToList();
                left.RemoveAll(near.Contains);
                if (near.Count >= Threshold)
                    yield return Place(null, near);
            }
        }
    }

    private static ChronicPlace Place(string? grid, List<SpotReport> reports) =>
        new(grid, reports[0].MatterCode!, reports[0].Lat, reports[0].Lon, reports.Count, reports[0].ReportedAt, reports[^1].ReportedAt,
            [.. reports.Select(r => r.IncidentId)]);
}
