using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Features.Privacy;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Intake;

/// <summary>
/// Unified collection and triage: a clue becomes an incident, located on the grid and routed by
/// the responsibility list; when matter and place are both known it is dispatched at once.
/// </summary>
public sealed class IntakeService(ZhifaDbContext db, ReferenceData reference, PersonalData personalData, TimeProvider time)
{
    public const string RouterActor = "router";

    /// <summary>The accepted clue, and whether it was new (false: the channel sent this external id before).</summary>
    public async Task<(ClueAccepted Answer, bool Created)> ReportAsync(ClueRequest r, string actor, Guid? submittedBy, CancellationToken ct)
    {
        // One connection for the look-up, the number and the write, instead of one per command.
        await db.Database.OpenConnectionAsync(ct);
        if (r.ExternalId is not null && await FindAsync(r.Channel!, r.ExternalId, submittedBy, ct) is { } earlier)
            return (earlier, false);

        var now = time.GetUtcNow();
        var matter = r.MatterCode is null ? null : reference.Matters[r.MatterCode];
        var location = reference.Grids.Locate(new GeoPoint(r.Lat!.Value, r.Lon!.Value));
        var route = reference.Router.Route(matter, location);
        var clue = new Clue
        {
            Id = Guid.CreateVersion7(now),
            Channel = r.Channel!,
            ExternalId = r.ExternalId,
            Text = r.Text!.Trim(),
            MatterCode = r.MatterCode,
            Lat = r.Lat.Value,
            Lon = r.Lon.Value,
            Address = r.Address,
            ReporterName = personalData.Seal(r.ReporterName),
            ReporterPhone = personalData.Seal(r.ReporterPhone),
            SubmittedBy = submittedBy,
            OccurredAt = r.OccurredAt,
            ReceivedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await IncidentNumbers.NextAsync(db, location?.CountyCode ?? reference.CityCode, now, ct);
        var incident = Incident.Report(Guid.CreateVersion7(now), number, clue, new(matter, location, route.HandlingCenterCode), actor, now);
        if (route.DispatchesAtOnce)
            incident.Dispatch(route.LeadDepartmentCode!, route.CoDepartmentCodes, null, RouterActor, now);
        db.Incidents.Add(incident);
        db.ClueMedia.AddRange(ClueMedia.For(clue.Id, r.MediaIds));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (r.ExternalId is not null)
        {
            // A concurrent request with the same external id won the unique index: answer with its result.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var first = await FindAsync(r.Channel!, r.ExternalId, submittedBy, ct);
            if (first is null)
                throw;
            return (first, false);
        }
        return (new ClueAccepted(clue.Id, incident.Id, incident.Number, incident.Status, null), true);
    }

    /// <summary>
    /// The earlier clue with this external id. A channel's people share the channel, so an id sent by
    /// someone else is refused rather than answered: its incident may lie outside the caller's jurisdiction.
    /// </summary>
    private async Task<ClueAccepted?> FindAsync(string channel, string externalId, Guid? submittedBy, CancellationToken ct)
    {
        var earlier = await (
            from c in db.Clues.AsNoTracking()
            join i in db.Incidents on c.IncidentId equals i.Id
            where c.Channel == channel && c.ExternalId == externalId
            select new { c.SubmittedBy, Answer = new ClueAccepted(c.Id, i.Id, i.Number, i.Status, i.MergedIntoId) })
            .FirstOrDefaultAsync(ct);
        if (earlier is not null && earlier.SubmittedBy != submittedBy)
            throw new DomainException("intake.external_id_taken",
                $"Another reporter on channel '{channel}' already sent external id '{externalId}'; use an id of your own.");
        return earlier?.Answer;
    }
}
