using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Features.Privacy;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Intake;

/// <summary>Who sends a clue: the name on the timeline, and the signed-in user, if a person (not a channel system).</summary>
public sealed record Reporter(string Actor, Guid? UserId);

/// <summary>
/// Unified collection and triage: a clue becomes an incident, located on the grid and routed by
/// the responsibility list; when matter and place are both known it is dispatched at once.
/// </summary>
public sealed class IntakeService(ZhifaDbContext db, ReferenceData reference, PersonalData personalData, IntakeReplays replays, TimeProvider time)
{
    public const string RouterActor = "router";

    /// <summary>The accepted clue, and whether it was new (false: a retry of an earlier request, answered with its result).</summary>
    public async Task<(ClueAccepted Answer, bool Created)> ReportAsync(ValidClue valid, Reporter reporter, string? idempotencyKey, CancellationToken ct)
    {
        var r = valid.Request;
        var replay = replays.For(r, reporter, idempotencyKey);
        // One connection for the look-up, the number and the write, instead of one per command.
        await db.Database.OpenConnectionAsync(ct);
        if (await replays.FindAsync(replay, ct) is { } earlier)
            return (earlier, false);

        var now = time.GetUtcNow();
        var route = reference.Router.Route(valid.Matter, valid.Location);
        var clue = new Clue
        {
            Id = Guid.CreateVersion7(now),
            Channel = r.Channel!,
            ExternalId = r.ExternalId,
            IdempotencyKey = replay.IdempotencyKey,
            RequestHash = replay.RequestHash,
            Text = r.Text!.Trim(),
            MatterCode = r.MatterCode,
            Lat = valid.Point.Lat,
            Lon = valid.Point.Lon,
            Address = r.Address,
            ReporterName = personalData.Seal(r.ReporterName),
            ReporterPhone = personalData.Seal(r.ReporterPhone),
            SubmittedBy = reporter.UserId,
            OccurredAt = r.OccurredAt,
            ReceivedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await IncidentNumbers.NextAsync(db, valid.Location.CountyCode, now, ct);
        var incident = Incident.Report(Guid.CreateVersion7(now), number, clue, new(valid.Matter, valid.Location, route.HandlingCenterCode), reporter.Actor, now);
        if (route.DispatchesAtOnce)
            incident.Dispatch(route.LeadDepartmentCode!, route.CoDepartmentCodes, null, RouterActor, now);
        db.Incidents.Add(incident);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (replay.Identified)
        {
            // A concurrent retry won the unique index: answer with its result.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await replays.FindAsync(replay, ct) ?? throw new InvalidOperationException("The clue that won the race is gone."), false);
        }
        return (new ClueAccepted(clue.Id, incident.Id, incident.Number, incident.Status, null), true);
    }
}
