using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Data.Seeding;

/// <summary>
/// A demo history of about <see cref="Count"/> incidents over the last <see cref="Days"/> days, so that
/// the analysis, packs, assessment and dashboard of a fresh Development start show something. Seeded
/// only into an empty incidents table, and only through the incident's own methods and the platform's
/// clocks, saved through the context like any change, so the indicator ledger counts it. Deterministic:
/// one fixed seed, every time relative to the injected clock's now (ids and numbers aside).
/// </summary>
internal sealed class DemoIncidents(ZhifaDbContext db, ReferenceData reference, Clocks clocks, TimeProvider time, ILogger<DemoIncidents> logger)
{
    public const int Count = 600;
    public const int Days = 60;
    /// <summary>Incidents per save: one transaction, one ledger pass, then a clean change tracker.</summary>
    public const int BatchSize = 50;
    private const int Seed = 3305;

    /// <returns>How many incidents were added: none when the table held any already.</returns>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Incidents.AnyAsync(ct))
            return 0;
        var elapsed = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var random = new Random(Seed);
        var places = await db.Grids.AsNoTracking().OrderBy(g => g.Code)
            .Select(g => new DemoPlace(g.Code, g.Name, g.TownshipCode, g.CountyCode, g.CenterLat, g.CenterLon)).ToListAsync(ct);
        if (places.Count == 0)
            return 0;
        var cases = DemoIncidentPlan.Make(random, places, reference, now, Count, Days, BatchSize);

        // One connection for the numbers and the saves, as intake does.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var batch in cases.Chunk(BatchSize))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await new DemoIncidentRun(db, reference, clocks.Rules, now, random).RunAsync(batch, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        logger.LogInformation("Seeded {Incidents} demo incidents over the last {Days} days in {Elapsed} ms",
            cases.Count, Days, elapsed.ElapsedMilliseconds);
        return cases.Count;
    }
}
