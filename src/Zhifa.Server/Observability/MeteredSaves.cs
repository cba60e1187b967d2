using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zhifa.Core.Incidents;

namespace Zhifa.Server.Observability;

/// <summary>
/// Counts clues taken in and incident transitions from what each save writes, whoever writes it
/// (intake, the workflow, merges, the supervision sweep), so that no path can forget to count. A
/// count is made once the rows are written; a transaction rolled back after that is rare enough
/// (a failed commit) not to matter to a rate.
/// </summary>
public sealed class MeteredSaves(PlatformMetrics metrics) : SaveChangesInterceptor
{
    private sealed record Written(List<(string Channel, bool Joined)> Clues, List<(string Action, string Status)> Transitions);

    private readonly ConditionalWeakTable<DbContext, Written> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            // What an earlier save on this pooled context left (a conflict, a cancellation) was never written.
            _pending.Remove(db);
            var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            var written = new Written(
                [.. added.OfType<Clue>().Select(c => (c.Channel, c.Joined))],
                [.. added.OfType<TimelineEntry>().Select(t => (t.Action, t.ToStatus.ToString()))]);
            if (written.Clues.Count > 0 || written.Transitions.Count > 0)
                _pending.AddOrUpdate(db, written);
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var written))
        {
            _pending.Remove(db);
            foreach (var (channel, joined) in written.Clues)
                metrics.ClueReceived(channel, joined);
            foreach (var (action, status) in written.Transitions)
                metrics.Transition(action, status);
        }
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
            _pending.Remove(db);
        return Task.CompletedTask;
    }
}
