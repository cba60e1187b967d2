using Zhifa.Core.Organization;

namespace Zhifa.Server.Features.Auth;

/// <summary>The demo cast, one or more per role, seeded in Development so the seed scenario can be played by the right people.</summary>
internal static class DemoUsers
{
    public sealed record DemoUser(string UserName, string DisplayName, Role Role, string? CenterCode = null, string? DepartmentCode = null,
        string[]? GridCodes = null);

    /// <summary>The two grids that meet at 和孚镇's centre, where the README's river scenario is reported.</summary>
    public static readonly string[] HefuCentreGrids = ["330503106023", "330503106032"];

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("dispatcher.nanxun", "南浔区指挥中心调度员", Role.Dispatcher, CenterCode: "330503-ZHZX"),
        new("dispatcher.hefu", "和孚镇综合指挥室调度员", Role.Dispatcher, CenterCode: "330503106-ZHZX"),
        new("dispatcher.city", "市指挥中心调度员", Role.Dispatcher, CenterCode: "330500-ZHZX"),
        new("officer.nanxun.nync", "南浔区农业农村局执法员", Role.DepartmentOfficer, DepartmentCode: "330503-NYNC"),
        new("leader.nanxun.nync", "南浔区农业农村局负责人", Role.DepartmentLeader, DepartmentCode: "330503-NYNC"),
        new("officer.nanxun.sl", "南浔区水利局执法员", Role.DepartmentOfficer, DepartmentCode: "330503-SL"),
        new("officer.hefu.zfd", "和孚镇综合行政执法队队员", Role.DepartmentOfficer, DepartmentCode: "330503106-ZFD"),
        new("officer.changxing.nync", "长兴县农业农村局执法员", Role.DepartmentOfficer, DepartmentCode: "330522-NYNC"),
        new("grid.hefu", "和孚镇网格员", Role.GridWorker, CenterCode: "330503106-ZHZX", GridCodes: HefuCentreGrids),
        new("commander.nanxun", "南浔区值班指挥长", Role.DutyCommander, CenterCode: "330503-ZHZX"),
        new("commander.city", "市值班指挥长", Role.DutyCommander, CenterCode: "330500-ZHZX"),
        // A second commander per centre, so the demo rosters rotate (see DutyRosterSeed).
        new("commander.nanxun.b", "南浔区值班指挥长（乙）", Role.DutyCommander, CenterCode: "330503-ZHZX"),
        new("commander.city.b", "市值班指挥长（乙）", Role.DutyCommander, CenterCode: "330500-ZHZX"),
        new("analyst.city", "市指挥中心分析研判员", Role.Analyst, CenterCode: "330500-ZHZX"),
        new("supervisor.city", "市指挥中心督查考核员", Role.Supervisor, CenterCode: "330500-ZHZX"),
        new("admin", "系统管理员", Role.Admin, CenterCode: "330500-ZHZX"),
    ];
}
