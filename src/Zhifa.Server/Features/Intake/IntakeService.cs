using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Triage;
using Zhifa.Data;
using Zhifa.Server.Features.Dashboard;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Feedback;
using Zhifa.Server.Features.Privacy;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Features.Triage;

namespace Zhifa.Server.Features.Intake;

/// <summary>Who sends a clue: the name on the timeline, and the signed-in user, if a person (not a channel system).</summary>
public sealed record Reporter(string Actor, Guid? UserId);

/// <summary>
/// Unified collection and triage (统一收集 → 研判分流): a clue joins the open incident it repeats, or
/// becomes an incident of its own, located on the grid and routed by the responsibility list, and
/// dispatched at once when its matter is known and it is not a possible duplicate.
/// </summary>
public sealed class IntakeService(
    ZhifaDbContext db, ReferenceData reference, PersonalData personalData, IntakeReplays replays, DuplicateFinder duplicates,
    ClueClassifier classifier, FeedbackOutbox feedback, Clocks clocks, TimeProvider time,
    IncidentChanges changes)
{
    public const string RouterActor = "router";
    /// <summary>The timeline's name for the duplicate check when it joins a report to an incident by itself.</summary>
    public const string DedupActor = "dedup";

    /// <summary>The accepted clue, and whether it was new (false: a retry of an earlier request, answered with its result).</summary>
    public async Task<(ClueAccepted Answer, bool Created)> ReportAsync(ValidClue valid, Reporter reporter, string? idempotencyKey, CancellationToken ct)
    {
        var replay = replays.For(valid.Request, reporter, idempotencyKey);
        // One connection for the look-ups, the number and the write, instead of one per command.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await AcceptAsync(valid, reporter, replay, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The incident it was joining changed meanwhile (an action, another join): judge again.
            db.ChangeTracker.Clear();
            return await AcceptAsync(valid, reporter, replay, ct);
        }
    }

    private async Task<(ClueAccepted Answer, bool Created)> AcceptAsync(ValidClue valid, Reporter reporter, Replay replay, CancellationToken ct)
    {
        if (await replays.FindAsync(replay, ct) is { } earlier)
            return (earlier, false);
        var now = time.GetUtcNow();
        var clue = NewClue(valid, reporter, replay, now);
        // A clue without a matter: the classifier's best guess places it, routes it when it is sure,
        // and tells the duplicate check which category to search.
        var guess = valid.Matter is null ? classifier.TryClassify(clue.Text) : null;
        var guessed = guess is null ? null : reference.Matters.GetValueOrDefault(guess.Best.MatterCode);
        var probe = new DuplicateProbe(valid.Point, clue.Text, now, valid.Matter?.Code);
        IReadOnlyCollection<Matter> scope = valid.Matter is not null ? [valid.Matter]
            : guessed is null ? [] : [.. reference.Matters.Values.Where(m => m.Category == guessed.Category)];
        var finding = await duplicates.FindAsync(probe, scope, withUnclassified: valid.Matter is null, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var classified = guess is { IsConfident: true } ? guessed : null;
        var incident = finding.Confidence == DuplicateConfidence.High
            ? await JoinAsync(clue, finding.Best!, ct)
            : await OpenAsync(clue, valid.Matter ?? classified, valid.Location, reporter.Actor, finding, now, ct,
                classified is null ? null : string.Create(CultureInfo.InvariantCulture, $"classified as {classified.Code} ({guess!.Best.Confidence:0.00})"));
        db.ClueMedia.AddRange(ClueMedia.For(clue.Id, valid.Request.MediaIds));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            changes.Raise();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && replay.Identified)
        {
            // A concurrent retry won the unique index: answer with its result.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await replays.FindAsync(replay, ct) ?? throw new InvalidOperationException("The clue that won the race is gone."), false);
        }
        return (new ClueAccepted(clue.Id, incident.Id, incident.Number, incident.Status, clue.Joined ? incident.Id : null), true);
    }

    private async Task<Incident> JoinAsync(Clue clue, DuplicateMatch best, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstAsync(i => i.Id == best.IncidentId, ct);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{clue.Channel}: {clue.Text} (duplicate, {best.DistanceMeters:0} m, score {best.Score:0.00})");
        incident.Join(clue, DedupActor, clue.ReceivedAt, note);
        // The reporter's channel learns at once that its report joined an incident already open.
        await feedback.EnqueueAsync(incident, FeedbackOutbox.Merged, $"并入 {incident.Number}", (incident.Id, incident.Number), clue.ReceivedAt, ct, onlyClue: clue);
        return incident;
    }

    /// <summary>
    /// A new incident with <paramref name="clue"/> as its first report, numbered, placed and routed;
    /// dispatched at once when the route is known and it is not a possible duplicate.
    /// </summary>
    /// <param name="why">Why the router dispatches, for the timeline: how the matter was found, when not given.</param>
    public async Task<Incident> OpenAsync(Clue clue, Matter? matter, GridLocation location, string actor, DuplicateFinding finding, DateTimeOffset now,
        CancellationToken ct, string? why = null)
    {
        var route = reference.Router.Route(matter, location);
        var number = await IncidentNumbers.NextAsync(db, location.CountyCode, now, ct);
        var incident = Incident.Report(Guid.CreateVersion7(now), number, clue, new(matter, location, route.HandlingCenterCode), actor, now);
        if (finding.Confidence == DuplicateConfidence.Medium)
            // Maybe a repeat: a dispatcher decides before anyone is sent.
            incident.SuggestDuplicates(finding.Matches.Select(m => (m.IncidentId, m.Number, m.DistanceMeters, m.Score)));
        else if (route.DispatchesAtOnce)
        {
            incident.Dispatch(route.LeadDepartmentCode!, route.CoDepartmentCodes, null, RouterActor, now,
                why is null ? null : $"{why}; lead {route.LeadDepartmentCode}");
            incident.RunClocks(IncidentAction.Dispatch, matter, clocks.Rules, now);
        }
        db.Incidents.Add(incident);
        return incident;
    }

    private Clue NewClue(ValidClue valid, Reporter reporter, Replay replay, DateTimeOffset now)
    {
        var r = valid.Request;
        return new Clue
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
    }
}
