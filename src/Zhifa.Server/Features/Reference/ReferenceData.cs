using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Geo;
using Zhifa.Core.Matters;
using Zhifa.Core.Organization;
using Zhifa.Data;

namespace Zhifa.Server.Features.Reference;

/// <summary>
/// Reference data held in memory for triage and validation: matters, departments, centres, regions
/// and the grid index. Loaded at start, after seeding, and again after an admin edits the list or
/// imports grids; swapped whole, so readers never lock.
/// </summary>
public sealed class ReferenceData
{
    private Snapshot? _current;

    private Snapshot Current => _current ?? throw new InvalidOperationException("Reference data is not loaded yet.");

    public string CityCode => Current.CityCode;
    public IReadOnlyDictionary<string, Region> Regions => Current.Regions;
    public IReadOnlyDictionary<string, CommandCenter> CommandCenters => Current.CommandCenters;
    public IReadOnlyDictionary<string, DepartmentType> DepartmentTypes => Current.DepartmentTypes;
    public IReadOnlyDictionary<string, Department> Departments => Current.Departments;
    public IReadOnlyDictionary<string, Matter> Matters => Current.Matters;
    public GridIndex Grids => Current.GridIndex;
    public ResponsibilityRouter Router => Current.Router;

    // Reloads take turns: one that read the tables before another's edit must not publish after it.
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async Task LoadAsync(ZhifaDbContext db, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            await ReadAsync(db, ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task ReadAsync(ZhifaDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var city = regions.Values.Single(r => r.Level == RegionLevel.City).Code;
        _current = new Snapshot(
            city,
            regions,
            await db.CommandCenters.AsNoTracking().ToDictionaryAsync(c => c.Code, ct),
            await db.DepartmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct),
            departments,
            await db.Matters.AsNoTracking().ToDictionaryAsync(m => m.Code, ct),
            new GridIndex(await db.Grids.AsNoTracking().ToListAsync(ct)),
            new ResponsibilityRouter(city, departments.Keys.ToHashSet()));
    }

    private sealed record Snapshot(
        string CityCode,
        Dictionary<string, Region> Regions,
        Dictionary<string, CommandCenter> CommandCenters,
        Dictionary<string, DepartmentType> DepartmentTypes,
        Dictionary<string, Department> Departments,
        Dictionary<string, Matter> Matters,
        GridIndex GridIndex,
        ResponsibilityRouter Router);
}
