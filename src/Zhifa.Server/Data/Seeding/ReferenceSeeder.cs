using Microsoft.EntityFrameworkCore;
using Zhifa.Data;

namespace Zhifa.Server.Data.Seeding;

/// <summary>
/// Inserts the reference rows that the database lacks, keyed by code. Idempotent: a restart
/// inserts nothing, and a newer seed file adds only its new rows (edits made by admins stay).
/// </summary>
internal sealed class ReferenceSeeder(ZhifaDbContext db)
{
    public static ReferenceSet Load(string seedDirectory)
    {
        var (regions, grids) = RegionSeed.Build(Path.Combine(seedDirectory, "regions.huzhou.json"));
        var types = OrganizationSeed.DepartmentTypes(Path.Combine(seedDirectory, "departments.csv"));
        return new ReferenceSet(
            regions,
            grids,
            OrganizationSeed.CommandCenters(regions),
            types,
            OrganizationSeed.Departments(regions, types),
            OrganizationSeed.Matters(Path.Combine(seedDirectory, "matters.csv")));
    }

    public async Task<int> SeedAsync(ReferenceSet set, CancellationToken ct)
    {
        try
        {
            return await InsertMissingAsync(set, ct);
        }
        catch (DbUpdateException)
        {
            // Another node starting on the same database inserted some rows first: look again.
            db.ChangeTracker.Clear();
            return await InsertMissingAsync(set, ct);
        }
    }

    private async Task<int> InsertMissingAsync(ReferenceSet set, CancellationToken ct)
    {
        var added = await AddMissingAsync(db.Regions, set.Regions, r => r.Code, ct)
            + await AddMissingAsync(db.Grids, set.Grids, g => g.Code, ct)
            + await AddMissingAsync(db.CommandCenters, set.CommandCenters, c => c.Code, ct)
            + await AddMissingAsync(db.DepartmentTypes, set.DepartmentTypes, t => t.Code, ct)
            + await AddMissingAsync(db.Departments, set.Departments, d => d.Code, ct)
            + await AddMissingAsync(db.Matters, set.Matters, m => m.Code, ct);
        if (added > 0)
            await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }

    private static async Task<int> AddMissingAsync<T>(DbSet<T> table, IReadOnlyList<T> rows, Func<T, string> key, CancellationToken ct)
        where T : class
    {
        var existing = (await table.AsNoTracking().Select(r => EF.Property<string>(r, "Code")).ToListAsync(ct)).ToHashSet();
        var missing = rows.Where(r => !existing.Contains(key(r))).ToList();
        table.AddRange(missing);
        return missing.Count;
    }
}
