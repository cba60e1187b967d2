using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis.Hotspots;
using Zhifa.Data;

namespace Zhifa.Server.Features.Analysis.Hotspots;

/// <summary>
/// Two demo warning rules, seeded with the demo users: a city-wide alarm on a surge of hotline reports,
/// and a warning on roadside stalls (SR01) piling up in 南浔区. Idempotent: each rule is keyed by its id.
/// </summary>
public sealed class DemoWarningRules(ZhifaDbContext db, TimeProvider time)
{
    public static readonly Guid HotlineSurge = new("0193a000-0000-7000-8000-00000000a001");
    public static readonly Guid NanxunStalls = new("0193a000-0000-7000-8000-00000000a002");

    public async Task SeedAsync(CancellationToken ct)
    {
        WarningRule[] rules =
        [
            new() { Id = HotlineSurge, Name = "12345热线激增", Channel = "hotline12345", Threshold = 50, WindowHours = 24, Severity = WarningSeverity.Alarm, Enabled = true },
            new() { Id = NanxunStalls, Name = "南浔区占道经营多发", MatterCode = "SR01", RegionCode = "330503", Threshold = 10, WindowHours = 72, Severity = WarningSeverity.Warning, Enabled = true },
        ];
        var known = (await db.WarningRules.Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        foreach (var rule in rules.Where(r => !known.Contains(r.Id)))
        {
            rule.UpdatedAt = time.GetUtcNow();
            db.WarningRules.Add(rule);
        }
        await db.SaveChangesAsync(ct);
    }
}
