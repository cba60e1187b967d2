using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Media;

namespace Zhifa.Server.Features.Open311;

/// <summary>One incident as the requests resource shows it, read in one query with what it needs.</summary>
internal sealed record Open311Row(
    string Number, IncidentStatus Status, string? MatterCode, string? FirstClueText, string Summary, string? LeadDepartmentCode,
    DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, string? Address, double Lat, double Lon,
    string? ClosingNote, string? MergedIntoNumber, Guid? FirstMediaId);

/// <summary>
/// Reads of the requests resource. They are public, so they read only what the answer shows; the
/// reporter's sealed name and phone are never selected.
/// </summary>
internal static class Open311Queries
{
    public static Task<List<Open311Row>> FindAsync(ZhifaDbContext db, Open311Query q, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking();
        if (q.Numbers is { } numbers)
            return Rows(query.Where(i => numbers.Contains(i.Number)), db).Take(Open311Query.MaxResults).ToListAsync(ct);
        if (q.ServiceCodes.Count > 0)
        {
            var codes = q.ServiceCodes;
            query = query.Where(i => i.MatterCode != null && codes.Contains(i.MatterCode));
        }
        if (q.From is { } from)
            query = query.Where(i => i.ReportedAt >= from);
        if (q.To is { } to)
            query = query.Where(i => i.ReportedAt < to);
        // Open311's open is the life cycle's: closed, rejected and merged incidents are done with.
        var open = IncidentLifecycle.OpenStatuses;
        if (q.Open is true)
            query = query.Where(i => open.Contains(i.Status));
        else if (q.Open is false)
            query = query.Where(i => !open.Contains(i.Status));
        return Rows(query, db).PageAsync(q.Page, q.PageSize, ct);
    }

    public static Task<Open311Row?> FindAsync(ZhifaDbContext db, string number, CancellationToken ct) =>
        Rows(db.Incidents.AsNoTracking().Where(i => i.Number == number), db).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The number a clue's reporter follows: its incident's, or, when that incident was merged into
    /// another (and that one perhaps again), the number of the incident that carries on.
    /// </summary>
    public static async Task<string?> FollowedNumberAsync(ZhifaDbContext db, Guid? incidentId, CancellationToken ct)
    {
        string? number = null;
        // Merging needs an open target, so a chain is short; the bound only guards against a cycle in bad data.
        for (var hop = 0; incidentId is { } id && hop < 16; hop++)
        {
            var step = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Number, i.MergedIntoId }).FirstOrDefaultAsync(ct);
            if (step is null)
                break;
            (number, incidentId) = (step.Number, step.MergedIntoId);
        }
        return number;
    }

    /// <summary>The incident a clue belongs to, by the clue's id; null when there is no such clue.</summary>
    public static Task<Guid?> IncidentOfClueAsync(ZhifaDbContext db, Guid clueId, CancellationToken ct) =>
        db.Clues.AsNoTracking().Where(c => c.Id == clueId).Select(c => (Guid?)c.IncidentId).FirstOrDefaultAsync(ct);

    /// <summary>Newest first, so that the 1,000-result limit keeps the latest.</summary>
    private static IQueryable<Open311Row> Rows(IQueryable<Incident> incidents, ZhifaDbContext db)
    {
        var (resolve, reject) = (IncidentAction.Resolve.ApiName(), IncidentAction.Reject.ApiName());
        return incidents
            .OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id)
            .Select(i => new Open311Row(
                i.Number, i.Status, i.MatterCode,
                i.Clues.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Joined).Select(c => c.Text).FirstOrDefault(),
                i.Summary,
                i.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Returned).Select(a => a.DepartmentCode).FirstOrDefault(),
                i.ReportedAt, i.UpdatedAt, i.Address, i.Lat, i.Lon,
                // The resolution result of a closed incident, the reason of a rejected one.
                i.Timeline.Where(t => t.Action == (i.Status == IncidentStatus.Closed ? resolve : reject)).OrderByDescending(t => t.Seq).Select(t => t.Note).FirstOrDefault(),
                db.Incidents.Where(m => m.Id == i.MergedIntoId).Select(m => m.Number).FirstOrDefault(),
                // The first file of the first clue that has any: the photo the reporter led with.
                (from c in i.Clues
                 join link in db.ClueMedia on c.Id equals link.ClueId
                 orderby c.ReceivedAt, link.Position
                 select (Guid?)link.MediaId).FirstOrDefault()));
    }

    /// <summary>
    /// The public copies (location metadata removed, reached by a URL with the file's token) of the
    /// requests' first files, by file id; URLs relative to the platform's address.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> PublicMediaAsync(ZhifaDbContext db, IEnumerable<Open311Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.FirstMediaId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<Guid, string>();
        var files = await db.MediaFiles.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        return files.ToDictionary(m => m.Id, MediaUrls.Public);
    }
}
