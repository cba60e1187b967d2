using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Officers;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Officers;

/// <summary>Reads officers and teams as a caller may see them, and turns them into views.</summary>
public sealed class OfficerStore(ZhifaDbContext db, OfficerScope scope, ReferenceData reference, TimeProvider time)
{
    /// <summary>Today in Beijing: a certificate is valid for whole local days.</summary>
    public DateOnly Today => PlatformTime.LocalDate(time.GetUtcNow());

    public ZhifaDbContext Db => db;

    /// <summary>
    /// The officers the caller sees: those of a visible home department, and those stationed in a
    /// visible department's team.
    /// </summary>
    public IQueryable<Officer> Visible(Jurisdiction caller)
    {
        var officers = db.Officers.Include(o => o.Trainings).AsQueryable();
        if (scope.VisibleDepartments(caller) is not { } codes)
            return officers;
        var list = codes.ToList();
        return officers.Where(o => list.Contains(o.DepartmentCode)
            || db.TeamMembers.Any(m => m.OfficerId == o.Id && db.Teams.Any(t => t.Code == m.TeamCode && list.Contains(t.DepartmentCode))));
    }

    /// <summary>One officer the caller sees, tracked; null as if it did not exist otherwise.</summary>
    public Task<Officer?> FindAsync(Guid id, Jurisdiction caller, CancellationToken ct) =>
        Visible(caller).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>The teams the officers are members of, with all their members.</summary>
    public Task<List<Team>> TeamsOfAsync(IReadOnlyCollection<Guid> officerIds, CancellationToken ct) =>
        db.Teams.Include(t => t.Members).Where(t => t.Members.Any(m => officerIds.Contains(m.OfficerId))).AsSplitQuery().ToListAsync(ct);

    public async Task<List<OfficerView>> ViewsAsync(IReadOnlyList<Officer> officers, CancellationToken ct)
    {
        var teams = await TeamsOfAsync([.. officers.Select(o => o.Id)], ct);
        var today = Today;
        return [.. officers.Select(o => OfficerViews.View(o, teams, today, DepartmentName))];
    }

    public async Task<OfficerView> ViewAsync(Officer officer, CancellationToken ct) => (await ViewsAsync([officer], ct))[0];

    public string? DepartmentName(string code) => reference.Departments.GetValueOrDefault(code)?.Name;
}
