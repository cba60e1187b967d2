using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zhifa.Core.Analysis;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Deadlines;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// Keeps the indicator aggregates exact on every change, whoever makes it: before a save that touches an
/// incident (or its clues, assignments, timeline or clocks), it recounts the incident's facts, stores
/// them, and after the rows are written adds the difference to the aggregate cells, in the same
/// transaction, so the aggregates never disagree with the incidents they count. The cells are added
/// to by an atomic upsert, so concurrent changes on the same day and place do not lose counts.
/// </summary>
public sealed class IndicatorLedger(Clocks clocks, TimeProvider time) : SaveChangesInterceptor
{
    private sealed class Pending
    {
        public Dictionary<IndicatorCell, IndicatorTotals> Cells = [];
        public List<IncidentFactRow> Rows = [];
    }

    // A pooled context is reused by other requests later: its pending work lives only between saving and saved.
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ZhifaDbContext db)
            return result;
        db.ChangeTracker.DetectChanges();
        var touched = TouchedIncidents(db.ChangeTracker);
        if (touched.Count == 0)
            return result;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("An incident is saved inside a transaction (ZhifaDbContext.SaveChangesAsync), so that its counts commit with it.");
        var pending = new Pending();
        _pending.AddOrUpdate(db, pending);
        try
        {
            await RecountAsync(db, touched, pending, cancellationToken);
        }
        catch
        {
            await AbandonAsync(db);
            throw;
        }
        return result;
    }

    private async Task RecountAsync(ZhifaDbContext db, HashSet<Guid> touched, Pending pending, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Looked up once: each Entries() call detects changes across the whole tracker again, which a batch of many incidents pays per incident.
        var tracked = db.ChangeTracker.Entries<Incident>().ToDictionary(e => e.Entity.Id);
        foreach (var id in touched)
        {
            var incident = await CompleteAsync(db, tracked.GetValueOrDefault(id), id, cancellationToken);
            // What is stored: handling time only once closed, since it grows by the minute while open and the aggregates count it only at closing.
            var after = incident is null ? null : IncidentFactRow.Of(IncidentFacts.Of(incident, now, clocks.Calendar)).Facts();
            var row = await db.IncidentFacts.FindAsync([id], cancellationToken);
            var before = row?.Facts();
            if (before == after)
                continue;
            Merge(pending.Cells, IndicatorCells.Delta(before, after));
            if (after is null)
                db.IncidentFacts.Remove(row!);
            else if (row is null)
                db.IncidentFacts.Add(row = IncidentFactRow.Of(after));
            else
            {
                var next = IncidentFactRow.Of(after);
                next.Version = row.Version + 1;
                db.Entry(row).CurrentValues.SetValues(next);
            }
            pending.Rows.Add(row!);
        }
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ZhifaDbContext db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            await AggregateWrites.AddAsync(db, pending.Cells, cancellationToken);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    // EF reports a concurrency failure here, not to SaveChangesFailed.
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await AbandonAsync(eventData.Context);
        return result;
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is ZhifaDbContext db && TouchedIncidents(db.ChangeTracker).Count > 0
            ? throw new InvalidOperationException("Incidents are saved with SaveChangesAsync, which keeps the indicator aggregates.")
            : result;

    /// <summary>
    /// A failed save leaves the facts it would have written to nobody: the transaction that holds the
    /// change rolls back, and the tracked rows go, so that a retry on the same context counts afresh.
    /// </summary>
    private Task AbandonAsync(DbContext? db)
    {
        if (db is not null && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            foreach (var row in pending.Rows)
                db.Entry(row).State = EntityState.Detached;
        }
        return Task.CompletedTask;
    }

    /// <summary>The incidents whose facts a save may change: its own rows, or those of its clues, assignments, timeline and clocks.</summary>
    private static HashSet<Guid> TouchedIncidents(ChangeTracker tracker)
    {
        var ids = new HashSet<Guid>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            Guid? id = entry.Entity switch
            {
                Incident i => i.Id,
                Clue c => c.IncidentId,
                Assignment a => a.IncidentId,
                TimelineEntry t => t.IncidentId,
                Deadline d => d.IncidentId,
                _ => null,
            };
            if (id is { } incidentId && incidentId != Guid.Empty)
                ids.Add(incidentId);
        }
        return ids;
    }

    /// <summary>
    /// The incident as the save will leave it, with every collection its facts read: the tracked
    /// instance, its missing collections loaded (tracked changes win over the stored rows); null when deleted.
    /// </summary>
    private static async Task<Incident?> CompleteAsync(ZhifaDbContext db, EntityEntry<Incident>? entry, Guid id, CancellationToken ct)
    {
        if (entry is null)
        {
            var loaded = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (loaded is null)
                return null;
            entry = db.Entry(loaded);
        }
        if (entry.State == EntityState.Deleted)
            return null;
        if (entry.State != EntityState.Added)
        {
            foreach (var collection in new CollectionEntry[]
                     {
                         entry.Collection(i => i.Clues), entry.Collection(i => i.Assignments),
                         entry.Collection(i => i.Timeline), entry.Collection(i => i.Deadlines),
                     })
                if (!collection.IsLoaded)
                    await collection.LoadAsync(ct);
        }
        return entry.Entity;
    }

    private static void Merge(Dictionary<IndicatorCell, IndicatorTotals> into, IReadOnlyDictionary<IndicatorCell, IndicatorTotals> delta)
    {
        foreach (var (cell, totals) in delta)
            into[cell] = into.GetValueOrDefault(cell, IndicatorTotals.Zero).Plus(totals);
    }
}
