using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Dashboard;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Feedback;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Incidents;

/// <summary>What came of an action: the incident after it, or why nothing changed.</summary>
public abstract record ActionOutcome
{
    public sealed record Done(Incident Incident, IncidentStatus From, int FromVersion) : ActionOutcome;
    public sealed record NotFound : ActionOutcome;
    /// <summary>The caller sees the incident, but the step is not theirs: <paramref name="Roles"/> take it, and only for their own.</summary>
    public sealed record Forbidden(string Action, IReadOnlyList<Role> Roles, string Whose) : ActionOutcome
    {
        /// <summary>The row's "who" column does not name the caller for this incident.</summary>
        public static Forbidden Of(Transition row) =>
            new(row.Action.ApiName(), [.. row.Who.Where(r => r is not (Role.Router or Role.Channel))], "responsible for this incident");
    }
    public sealed record Stale(int CurrentVersion) : ActionOutcome;
    public sealed record Refused(DomainException Error) : ActionOutcome;
}

/// <summary>
/// Applies one life-cycle action to one incident: load it, check that the caller sees it (else it
/// does not exist for them), their If-Match, and that the table's row names them; then let the domain
/// method change it, move its clocks, and save the change with its timeline entry in one transaction.
/// </summary>
public sealed class IncidentWorkflow(
    ZhifaDbContext db, FeedbackOutbox feedback, ReferenceData reference, Clocks clocks, NotificationCenter notifications, TimeProvider time,
    IncidentChanges changes, DutyRosters duty)
{
    // Compiled once: every action loads an incident this way, and the query cache look-up shows in profiles.
    private static readonly Func<ZhifaDbContext, Guid, CancellationToken, Task<Incident?>> Load =
        EF.CompileAsyncQuery((ZhifaDbContext db, Guid id, CancellationToken ct) => db.Incidents.WithDetails().FirstOrDefault(i => i.Id == id));

    public Task<Incident?> LoadAsync(Guid id, CancellationToken ct) => Load(db, id, ct);

    /// <summary>The incident, tracked, when <paramref name="caller"/> sees it; else null, as if it did not exist.</summary>
    public async Task<Incident?> LoadVisibleAsync(Guid id, Jurisdiction caller, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } incident && IncidentAccess.IsVisible(incident, caller) ? incident : null;

    /// <summary>Drops what was loaded, so the action loads afresh (and its version check sees the latest).</summary>
    public void Forget() => db.ChangeTracker.Clear();

    /// <param name="media">Files to attach to the action's timeline entry (a resolution's photos), already checked.</param>
    public Task<ActionOutcome> ActAsync(Guid id, string? ifMatch, Jurisdiction caller, IncidentAction action,
        Action<Incident, DateTimeOffset> act, CancellationToken ct, IReadOnlyList<Guid>? media = null) =>
        RunAsync(id, ifMatch, caller,
            // No row: the domain method refuses with 409. A row that does not name the caller: 403.
            incident => IncidentLifecycle.Find(incident.Status, action) is { } row && !IncidentAccess.MayTake(row, incident, caller)
                ? ActionOutcome.Forbidden.Of(row) : null,
            act, action, ct, media);

    /// <summary>
    /// A step beside the table, such as a co-department's part of joint work: loaded, checked and saved
    /// as an action is, but it moves no clock. <paramref name="forbid"/> says why the caller may not take it.
    /// </summary>
    public Task<ActionOutcome> ActBesideTableAsync(Guid id, string? ifMatch, Jurisdiction caller, Func<Incident, ActionOutcome.Forbidden?> forbid,
        Action<Incident, DateTimeOffset> act, CancellationToken ct, IReadOnlyList<Guid>? media = null) =>
        RunAsync(id, ifMatch, caller, forbid, act, action: null, ct, media);

    /// <param name="action">The table's action, whose clocks and announcements follow; null for a step beside the table.</param>
    private async Task<ActionOutcome> RunAsync(Guid id, string? ifMatch, Jurisdiction caller, Func<Incident, ActionOutcome.Forbidden?> forbid,
        Action<Incident, DateTimeOffset> act, IncidentAction? action, CancellationToken ct, IReadOnlyList<Guid>? media)
    {
        // One connection for the read, the write and any re-read, instead of one per command.
        await db.Database.OpenConnectionAsync(ct);
        if (await LoadVisibleAsync(id, caller, ct) is not { } incident)
            return new ActionOutcome.NotFound();
        if (!ETags.Matches(ifMatch, incident.Version))
            return new ActionOutcome.Stale(incident.Version);
        // The split queries of the load are separate reads: a change committed between them shows
        // as more history than the incident row's version. Acting on that mix would be acting blind.
        if (incident.Timeline.Count != incident.Version)
            return new ActionOutcome.Stale(await CurrentVersionAsync(id, ct));
        if (forbid(incident) is { } forbidden)
            return forbidden;
        var (versionRead, statusRead) = (incident.Version, incident.Status);
        try
        {
            var now = time.GetUtcNow();
            act(incident, now);
            if (action is { } taken)
            {
                incident.RunClocks(taken, MatterOf(incident), clocks.Rules, now);
                await notifications.AnnounceActionAsync(incident, taken, duty, now, ct);
            }
            db.TimelineMedia.AddRange(TimelineMedia.For(incident.Id, incident.Version, media));
            await OweFeedbackAsync(incident, statusRead, now, ct);
            await db.SaveChangesAsync(ct);
            changes.Raise();
            await notifications.DispatchExternalAsync(ct);
            return new ActionOutcome.Done(incident, statusRead, versionRead);
        }
        catch (DomainException error)
        {
            db.ChangeTracker.Clear();
            return new ActionOutcome.Refused(error);
        }
        catch (DbUpdateException error)
        {
            // Someone else changed it between our read and our write: the version check or, when the
            // provider writes the timeline row first, its (incident, seq) key caught it.
            var current = await CurrentVersionAsync(id, ct);
            if (current != versionRead || error is DbUpdateConcurrencyException)
                return new ActionOutcome.Stale(current);
            throw;
        }
    }

    /// <summary>Channels hear how their reports ended, in the same transaction as the ending.</summary>
    private async Task OweFeedbackAsync(Incident incident, IncidentStatus from, DateTimeOffset now, CancellationToken ct)
    {
        if (FeedbackOutbox.EventOf(from, incident.Status) is not { } @event)
            return;
        var result = @event == FeedbackOutbox.Closed
            ? incident.Timeline.LastOrDefault(t => t.Action == IncidentAction.Resolve.ApiName())?.Note
            : incident.Timeline[^1].Note;
        // A merge loaded its target into this context already.
        var target = incident.MergedIntoId is { } into ? await db.Incidents.FindAsync([into], ct) : null;
        await feedback.EnqueueAsync(incident, @event, result, target is null ? null : (target.Id, target.Number), now, ct);
    }

    private Matter? MatterOf(Incident incident) => incident.MatterCode is { } code ? reference.Matters.GetValueOrDefault(code) : null;

    private Task<int> CurrentVersionAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => i.Version).FirstAsync(ct);
    }
}
