using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Officers;
using Zhifa.Core.Time;
using Zhifa.Data;

namespace Zhifa.Server.Data.Seeding;

/// <summary>
/// Demo officers and teams for 南浔区, seeded with the demo users: enough for the 一支队伍 page and its
/// figures to mean something. One certificate has run out and one runs out within the month, one
/// county officer is stationed in 和孚镇's team (县属乡用), and some sit on legal posts. Certificate
/// periods are set around the day of seeding. Idempotent: rows are keyed by id and code.
/// </summary>
internal sealed class DemoOfficers(ZhifaDbContext db, TimeProvider time)
{
    public const string NanxunAgricultureTeam = "330503-NYNC-01";
    public const string HefuTeam = "330503106-ZFD-01";
    public const string NanxunWaterTeam = "330503-SL-01";

    /// <summary>沈建华, legal post and qualified; the demo officer.nanxun.nync signs in as him.</summary>
    public static readonly Guid Shen = Id(1);
    /// <summary>陆海峰, whose certificate ran out a month ago.</summary>
    public static readonly Guid Lu = Id(3);
    /// <summary>姚晓东, of 南浔区农业农村局, stationed in 和孚镇's team.</summary>
    public static readonly Guid Yao = Id(4);
    /// <summary>朱卫国, of 和孚镇综合行政执法队.</summary>
    public static readonly Guid Zhu = Id(6);

    private sealed record Seed(Guid Id, string Name, string Department, int? ValidForDays, bool Qualified = false, bool LegalPost = false, string? UserName = null);

    private static readonly Seed[] Officers =
    [
        new(Shen, "沈建华", "330503-NYNC", 900, Qualified: true, LegalPost: true, UserName: "officer.nanxun.nync"),
        new(Id(2), "钱志刚", "330503-NYNC", 700, LegalPost: true),
        new(Lu, "陆海峰", "330503-NYNC", -30),
        new(Yao, "姚晓东", "330503-NYNC", 500, Qualified: true),
        new(Id(5), "费丽娟", "330503-NYNC", 20),
        new(Zhu, "朱卫国", "330503106-ZFD", 800, Qualified: true, LegalPost: true, UserName: "officer.hefu.zfd"),
        new(Id(7), "吴婷", "330503106-ZFD", 600),
        new(Id(8), "徐明", "330503-SL", 1000, Qualified: true, LegalPost: true, UserName: "officer.nanxun.sl"),
        new(Id(9), "蒋涛", "330503-SL", null),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = PlatformTime.LocalDate(time.GetUtcNow());
        var known = (await db.Officers.Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        foreach (var seed in Officers.Where(s => !known.Contains(s.Id)))
        {
            var officer = new Officer
            {
                Id = seed.Id,
                Name = seed.Name,
                DepartmentCode = seed.Department,
                CertificateNumber = seed.ValidForDays is null ? null : $"3305{seed.Id.ToString("N")[^8..]}",
                CertificateValidFrom = seed.ValidForDays is null ? null : today.AddYears(-3),
                CertificateValidUntil = seed.ValidForDays is { } days ? today.AddDays(days) : null,
                LegalQualification = seed.Qualified,
                LegalPost = seed.LegalPost,
                UserName = seed.UserName,
            };
            officer.AddTraining("行政执法基础知识", 16, today.AddMonths(-5), time.GetUtcNow());
            if (seed.LegalPost)
                officer.AddTraining("行政处罚法制审核", 24, today.AddMonths(-2), time.GetUtcNow());
            db.Officers.Add(officer);
        }
        await AddTeamAsync(NanxunAgricultureTeam, "农业执法一中队", "330503-NYNC", null, [Shen, Id(2), Lu, Yao, Id(5)], ct);
        await AddTeamAsync(HefuTeam, "和孚镇综合行政执法中队", "330503106-ZFD", "330503106", [Zhu, Id(7), Yao], ct);
        await AddTeamAsync(NanxunWaterTeam, "水政监察大队", "330503-SL", null, [Id(8), Id(9)], ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task AddTeamAsync(string code, string name, string department, string? township, Guid[] members, CancellationToken ct)
    {
        if (await db.Teams.AnyAsync(t => t.Code == code, ct))
            return;
        var team = new Team { Code = code, Name = name, DepartmentCode = department, TownshipCode = township };
        team.SetMembers(members);
        db.Teams.Add(team);
    }

    private static Guid Id(int n) => Guid.Parse($"0193f0a0-0000-7000-8000-{n:D12}");
}
