using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Triage;
using Zhifa.Data;

namespace Zhifa.Server.Features.Intake;

/// <summary>Intake's duplicate check (`Triage:Duplicates` in configuration): the score thresholds.</summary>
public sealed class DuplicateOptions
{
    public double High { get; set; } = new DuplicateThresholds().High;
    public double Medium { get; set; } = new DuplicateThresholds().Medium;
}

/// <summary>What the duplicate check found for a new report: the best candidates and how sure it is of the first.</summary>
public sealed record DuplicateFinding(IReadOnlyList<DuplicateMatch> Matches, DuplicateConfidence Confidence)
{
    public static readonly DuplicateFinding None = new([], DuplicateConfidence.None);
    public DuplicateMatch? Best => Matches.Count > 0 ? Matches[0] : null;
}

/// <summary>
/// Finds the open incidents a new report may repeat: the database narrows them to the matters and
/// a box around the point (index on matter and latitude), the detector scores what is left.
/// </summary>
public sealed class DuplicateFinder(ZhifaDbContext db, IOptions<DuplicateOptions> options)
{
    private const double MetersPerDegree = 111_320;
    /// <summary>More open incidents than this in one small box is a hot spot already flagged; any of them will do.</summary>
    private const int MaxRows = 200;

    /// <param name="matters">The matters a duplicate may have: the report's own, or, when it has none, those of the category the classifier thinks likely.</param>
    /// <param name="withUnclassified">Also incidents without a matter: for a report that has none itself.</param>
    public async Task<DuplicateFinding> FindAsync(DuplicateProbe probe, IReadOnlyCollection<Matter> matters, bool withUnclassified, CancellationToken ct)
    {
        var radius = matters.Count == 0 ? Matter.DefaultDuplicateRadiusMeters : matters.Max(m => m.DuplicateRadiusMeters);
        var window = TimeSpan.FromHours(matters.Count == 0 ? Matter.DefaultDuplicateWindowHours : matters.Max(m => m.DuplicateWindowHours));
        var codes = matters.Select(m => m.Code).ToList();
        var dLat = radius / MetersPerDegree;
        var dLon = radius / (MetersPerDegree * Math.Cos(probe.Point.Lat * Math.PI / 180));
        var (south, north, west, east) = (probe.Point.Lat - dLat, probe.Point.Lat + dLat, probe.Point.Lon - dLon, probe.Point.Lon + dLon);
        var since = probe.At - window;

        var query = db.Incidents.AsNoTracking()
            .Where(i => i.Lat >= south && i.Lat <= north && i.Lon >= west && i.Lon <= east
                && i.ReportedAt >= since && IncidentLifecycle.OpenStatuses.Contains(i.Status));
        query = (codes.Count, withUnclassified) switch
        {
            (0, _) => query.Where(i => i.MatterCode == null),
            (_, true) => query.Where(i => i.MatterCode == null || codes.Contains(i.MatterCode)),
            _ => query.Where(i => i.MatterCode != null && codes.Contains(i.MatterCode)),
        };
        // No ORDER BY: sorting by time would tempt the planner onto the (matter, time) index, which
        // reads every open incident of the matter in the window instead of the few in the box.
        var open = await query
            .Take(MaxRows)
            .Select(i => new OpenIncident(i.Id, i.Number, new(i.Lat, i.Lon), i.Summary, i.ReportedAt, i.MatterCode))
            .ToListAsync(ct);
        if (open.Count == 0)
            return DuplicateFinding.None;

        var byMatter = matters.ToDictionary(m => m.Code);
        // Each candidate is judged by its own matter's radius and window.
        var matches = open
            .GroupBy(i => i.MatterCode)
            .SelectMany(g => DuplicateDetector.Rank(probe, g,
                g.Key is null ? Matter.DefaultDuplicateRadiusMeters : byMatter[g.Key].DuplicateRadiusMeters,
                TimeSpan.FromHours(g.Key is null ? Matter.DefaultDuplicateWindowHours : byMatter[g.Key].DuplicateWindowHours)))
            .OrderByDescending(m => m.Score).ThenBy(m => m.DistanceMeters)
            .Take(DuplicateDetector.MaxCandidates)
            .ToList();
        var thresholds = new DuplicateThresholds(options.Value.High, options.Value.Medium);
        return new DuplicateFinding(matches, DuplicateDetector.Confidence(probe, matches.FirstOrDefault(), thresholds));
    }
}
