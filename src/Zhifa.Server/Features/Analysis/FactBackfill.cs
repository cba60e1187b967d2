using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis;
using Zhifa.Data;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Incidents;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// Counts the incidents the indicator ledger has not seen: those recorded before it existed, or written
/// by something that bypassed it. Runs at start-up, batch by batch, each batch's facts and aggregate
/// cells in one transaction, so an interrupted run resumes where it stopped and never counts twice.
/// </summary>
public static class FactBackfill
{
    public const int BatchSize = 500;

    /// <returns>How many incidents were counted.</returns>
    public static async Task<int> RunAsync(ZhifaDbContext db, Clocks clocks, TimeProvider time, CancellationToken ct)
    {
        var counted = 0;
        var after = Guid.Empty;
        var retried = false;
        while (true)
        {
            // Walks the incidents by key once, so each batch reads on from the last instead of from the start.
            var ids = await db.Incidents.AsNoTracking().Where(i => i.Id.CompareTo(after) > 0 && !db.IncidentFacts.Any(f => f.IncidentId == i.Id))
                .OrderBy(i => i.Id).Select(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
                return counted;
            after = ids[^1];
            var incidents = await db.Incidents.AsNoTracking().WithDetails().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
            var now = time.GetUtcNow();
            var facts = incidents.Select(i => IncidentFacts.Of(i, now, clocks.Calendar)).ToList();
            var cells = new Dictionary<IndicatorCell, IndicatorTotals>();
            foreach (var (cell, totals) in facts.SelectMany(IndicatorCells.Of))
                cells[cell] = cells.GetValueOrDefault(cell, IndicatorTotals.Zero).Plus(totals);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.IncidentFacts.AddRange(facts.Select(IncidentFactRow.Of));
            try
            {
                await db.SaveChangesAsync(ct);
                await AggregateWrites.AddAsync(db, cells, ct);
                await transaction.CommitAsync(ct);
                counted += facts.Count;
                retried = false;
            }
            catch (DbUpdateException) when (!retried)
            {
                // Another server, or a change saved meanwhile, counted some of them first: the batch goes
                // back whole, and the next pass reads only those still without facts.
                await transaction.RollbackAsync(ct);
                after = Guid.Empty;
                retried = true;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
