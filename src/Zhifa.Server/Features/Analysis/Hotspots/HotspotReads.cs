using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Analysis.Hotspots;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis.Hotspots;

/// <summary>
/// Reads the incidents the hotspot rules count: those the caller sees, in the region asked for, reported in
/// a span of time; merged duplicates are left out, since their reports count in the incident they joined.
/// </summary>
public sealed class HotspotReads(ZhifaDbContext db, ReferenceData reference)
{
    /// <summary>The reports, and each incident's number for its link.</summary>
    public sealed record Loaded(List<SpotReport> Reports, Dictionary<Guid, string> Numbers)
    {
        public IncidentLink[] Links(IEnumerable<Guid> ids) => [.. ids.Select(id => new IncidentLink(id, Numbers[id], $"/api/v1/incidents/{id}"))];
    }

    /// <summary>
    /// The region asked for, when it is known and lies within the caller's jurisdiction. An unknown code is
    /// named in <paramref name="errors"/>; another jurisdiction's region is not found, as another county's centre is.
    /// </summary>
    public (Region? Region, ProblemHttpResult? NotYours) Region(FieldErrors errors, string? regionCode, Jurisdiction caller)
    {
        if (string.IsNullOrEmpty(regionCode))
            return (null, null);
        if (!reference.Regions.TryGetValue(regionCode, out var region))
        {
            errors.Add("regionCode", $"Unknown region '{regionCode}'.");
            return (null, null);
        }
        return Within(caller, region.Code) ? (region, null) : (null, AnalysisRegion.NotYours(regionCode));
    }

    /// <summary><see cref="AnalysisRegion.Within"/> with the reference data at hand.</summary>
    public bool Within(Jurisdiction caller, string regionCode) => AnalysisRegion.Within(caller, regionCode, reference);

    /// <summary>Reports with reportedAt ∈ [from, to), or (from, to] when <paramref name="endInclusive"/>.</summary>
    public async Task<Loaded> LoadAsync(Jurisdiction caller, Region? region, DateTimeOffset from, DateTimeOffset to, bool endInclusive, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(caller)).Where(i => i.Status != IncidentStatus.Merged);
        query = endInclusive ? query.Where(i => i.ReportedAt > from && i.ReportedAt <= to) : query.Where(i => i.ReportedAt >= from && i.ReportedAt < to);
        if (region is not null)
            query = query.WithinRegion(region);
        var clues = db.Clues;
        var rows = await query.Select(i => new
        {
            i.Id, i.Number, i.ReportedAt, i.MatterCode, i.GridCode, i.Lat, i.Lon, i.CountyCode, i.TownshipCode,
            // The first report's channel: the incident's own first clue, not one that joined it later.
            Channel = clues.Where(c => c.IncidentId == i.Id).OrderBy(c => c.Joined).ThenBy(c => c.ReceivedAt).Select(c => c.Channel).FirstOrDefault(),
        }).ToListAsync(ct);
        return new Loaded(
            [.. rows.Select(r => new SpotReport(r.Id, r.ReportedAt, r.MatterCode, r.GridCode, r.Lat, r.Lon, r.CountyCode, r.TownshipCode, r.Channel ?? ""))],
            rows.ToDictionary(r => r.Id, r => r.Number));
    }
}
