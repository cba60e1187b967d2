using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Coordination;
using Zhifa.Data;

namespace Zhifa.Server.Features.Coordination;

/// <summary>
/// The demo rosters, seeded in Development with the demo users: 南浔区's and the city's centres, each
/// with its demo commander standing and the two demo commanders taking turns day by day from the day
/// of the first start. A roster already there, demo or edited, is left alone.
/// </summary>
internal static class DutyRosterSeed
{
    public static readonly IReadOnlyList<(string Center, string Standing, string[] Rotation)> Demo =
    [
        ("330503-ZHZX", "commander.nanxun", ["commander.nanxun", "commander.nanxun.b"]),
        ("330500-ZHZX", "commander.city", ["commander.city", "commander.city.b"]),
    ];

    public static async Task<int> SeedAsync(ZhifaDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var (center, standing, rotation) in Demo)
        {
            if (await db.DutyRosters.AnyAsync(r => r.CenterCode == center, ct) || !await db.CommandCenters.AnyAsync(c => c.Code == center, ct))
                continue;
            var roster = new DutyRoster { CenterCode = center };
            roster.Plan(standing, rotation, roster.DutyDate(now), 1, DutyRoster.DefaultHandOver, "seed", now);
            db.DutyRosters.Add(roster);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
