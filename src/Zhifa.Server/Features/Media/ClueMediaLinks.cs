using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Media;

/// <summary>The files a clue carries: checked when the clue comes in, and shown with its incident.</summary>
public sealed class ClueMediaLinks(ZhifaDbContext db)
{
    public const string Field = "mediaIds";
    /// <summary>A clue's photos fit one screen of a phone's gallery (3 × 3); more belong to separate clues.</summary>
    public const int MaxPerClue = 9;

    /// <summary>
    /// Each id must be a file this caller uploaded: an id seen elsewhere in the platform cannot attach
    /// someone else's evidence to a new clue. Unknown and not-yours answer alike.
    /// </summary>
    public async Task CheckAsync(Guid[]? ids, ClaimsPrincipal reporter, FieldErrors errors, CancellationToken ct)
    {
        if (ids is not { Length: > 0 })
            return;
        if (ids.Length > MaxPerClue)
        {
            errors.Add(Field, $"At most {MaxPerClue} files per clue.");
            return;
        }
        foreach (var twice in ids.GroupBy(id => id).Where(g => g.Count() > 1))
            errors.Add(Field, $"Media id {twice.Key} is listed more than once.");
        var uploader = MediaUploads.UploaderOf(reporter);
        var known = uploader is null ? [] : await db.MediaFiles.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.UploaderId == uploader).Select(m => m.Id).ToListAsync(ct);
        foreach (var unknown in ids.Distinct().Except(known))
            errors.Add(Field, $"Unknown media id {unknown}: upload the file first (POST /api/v1/media) as the caller who attaches it.");
    }

    /// <summary>The files of an incident's timeline entries (resolutions, verifications), by entry.</summary>
    public async Task<ILookup<int, MediaLink>> ForTimelineAsync(Guid incidentId, CancellationToken ct)
    {
        var rows = await (
            from link in db.TimelineMedia.AsNoTracking()
            join media in db.MediaFiles on link.MediaId equals media.Id
            where link.IncidentId == incidentId
            orderby link.Seq, link.Position
            select new { link.Seq, media.Id, media.ContentType, HasThumbnail = media.ThumbnailSha256 != null })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.Seq, r => new MediaLink(r.Id, r.ContentType, MediaUrls.Thumbnail(r.Id, r.HasThumbnail), MediaUrls.Original(r.Id)));
    }

    /// <summary>The files of each clue, in the order the reporter listed them.</summary>
    public async Task<ILookup<Guid, MediaLink>> ForCluesAsync(IEnumerable<Guid> clueIds, CancellationToken ct)
    {
        var ids = clueIds.ToArray();
        var rows = await (
            from link in db.ClueMedia.AsNoTracking()
            join media in db.MediaFiles on link.MediaId equals media.Id
            where ids.Contains(link.ClueId)
            orderby link.ClueId, link.Position
            select new { link.ClueId, media.Id, media.ContentType, HasThumbnail = media.ThumbnailSha256 != null })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.ClueId, r => new MediaLink(r.Id, r.ContentType, MediaUrls.Thumbnail(r.Id, r.HasThumbnail), MediaUrls.Original(r.Id)));
    }
}
