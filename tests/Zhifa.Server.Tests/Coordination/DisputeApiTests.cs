using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Disputes;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Coordination;

/// <summary>
/// 争议处置 over HTTP: a second return opens a dispute naming both sides, the duty commander's ruling
/// settles it, departments read only the disputes they are a side of, and the statistics flag a matter
/// disputed again and again.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DisputeApiTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    /// <summary>An incident returned twice by its lead, naming <paramref name="suggested"/> the second time: now disputed.</summary>
    private async Task<IncidentDetail> DisputedTwiceReturnedAsync(string matterCode = "SY01", string? suggested = "330503-SL")
    {
        var reported = await _scenario.ReportAsync(matterCode: matterCode, text: matterCode == "SR01" ? "商户占道摆摊" : null);
        var returned = await _scenario.DoAsync(reported.Id, "return", new { reason = "不属于本部门职责" });
        var lead = reported.Assignments.Single(a => a.Role == Core.Incidents.AssignmentRole.Lead).DepartmentCode;
        await _scenario.DoAsync(returned.Id, "dispatch", new { departmentCode = lead });
        return await _scenario.DoAsync(returned.Id, "return", new { reason = "仍不属于本部门职责", suggestedDepartmentCode = suggested });
    }

    private async Task<DisputeView?> FindAsync(HttpClient client, Guid incidentId, string query = "") =>
        (await (await client.GetAsync($"/api/v1/disputes?pageSize=200{query}")).ReadAsync<PagedList<DisputeView>>())
            .Items.FirstOrDefault(d => d.IncidentId == incidentId);

    [Fact]
    public async Task SecondReturn_ListsAnOpenDispute_NamingBothSides_UntilTheRulingSettlesIt()
    {
        var disputed = await DisputedTwiceReturnedAsync();
        Assert.Equal(IncidentStatus.Disputed, disputed.Status);

        var open = await FindAsync(_scenario.Client, disputed.Id, "&status=open");

        Assert.NotNull(open);
        Assert.Equal(("330503-NYNC", "330503-SL", "仍不属于本部门职责", true, "SY01"),
            (open.ReturnedByDepartmentCode, open.SuggestedDepartmentCode, open.Reason, open.Automatic, open.MatterCode));
        Assert.Null(open.RuledAt);

        await _scenario.DoAsync(disputed.Id, "rule", new { departmentCode = "330503-SL", reason = "河岸管护属水利", legalBasis = "《浙江省河道管理条例》" });

        Assert.Null(await FindAsync(_scenario.Client, disputed.Id, "&status=open"));
        var ruled = await FindAsync(_scenario.Client, disputed.Id, "&status=ruled");
        Assert.NotNull(ruled);
        Assert.Equal(("330503-SL", "河岸管护属水利", "《浙江省河道管理条例》", Cast.CityCommander),
            (ruled.RuledDepartmentCode, ruled.RulingReason, ruled.LegalBasis, ruled.RuledBy));
    }

    [Fact]
    public async Task Departments_ReadOnlyTheDisputesTheyAreASideOf()
    {
        var disputed = await DisputedTwiceReturnedAsync(suggested: "330503-SL");

        var returner = await FindAsync(await app.Cast.OfficerOfAsync("330503-NYNC"), disputed.Id);
        var named = await FindAsync(await app.Cast.OfficerOfAsync("330503-SL"), disputed.Id);
        // 和孚镇's team was a co-department of the incident, but it is no side of the dispute.
        var bystander = await FindAsync(await app.Cast.OfficerOfAsync("330503106-ZFD"), disputed.Id);
        var elsewhere = await FindAsync(await app.Cast.OfficerOfAsync("330522-SL"), disputed.Id);
        var otherCounty = await FindAsync(app.Cast.As(await app.Cast.MakeAsync(Core.Organization.Role.Dispatcher, centerCode: "330522-ZHZX"), Auth.AuthApi.TestPassword), disputed.Id);

        Assert.NotNull(returner);
        Assert.NotNull(named);
        Assert.Null(bystander);
        Assert.Null(elsewhere);
        Assert.Null(otherCounty);
    }

    [Fact]
    public async Task DutyCommander_RulesOnTheDisputesOfTheirCentreAndTheCentresBelow_NotOnAnotherCounty()
    {
        // 占道经营 (SR01) is delegated to 和孚镇's team: the township's centre handles it, below 南浔区's.
        var disputed = await DisputedTwiceReturnedAsync("SR01", suggested: null);
        Assert.Equal(Scenario.Hefu + "-ZHZX", disputed.HandlingCenterCode);
        var changxing = await app.Cast.MakeAsync(Core.Organization.Role.DutyCommander, centerCode: "330522-ZHZX", totpKey: Auth.AuthApi.DemoTotpKey);
        var body = new { departmentCode = "330503106-ZFD", reason = "占道经营属乡镇执法队", legalBasis = "《城市市容和环境卫生管理条例》" };

        var elsewhere = await app.Cast.As(changxing, Auth.AuthApi.TestPassword, Auth.AuthApi.DemoTotpKey).PostJsonAsync($"/api/v1/incidents/{disputed.Id}/rule", body);
        var county = await app.Cast.As("commander.nanxun").PostJsonAsync($"/api/v1/incidents/{disputed.Id}/rule", body);

        await ProblemAssert.IsProblemAsync(elsewhere, HttpStatusCode.NotFound, "incident.not_found");
        var ruled = await county.ReadAsync<IncidentDetail>();
        Assert.Equal((IncidentStatus.Dispatched, true), (ruled.Status, ruled.BindingRuling));
        Assert.Equal("commander.nanxun", (await FindAsync(_scenario.Client, disputed.Id, "&status=ruled"))!.RuledBy);
    }

    [Fact]
    public async Task GridWorkers_AndChannels_AreRefused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Cast.As("grid.hefu").GetAsync("/api/v1/disputes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.Cast.OfficerOfAsync("330503-SL")).GetAsync("/api/v1/disputes/statistics")).StatusCode);
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("matterCode=XX99", "matterCode")]
    [InlineData("from=yesterday", "from")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task List_WithBadInput_NamesTheField(string query, string field) =>
        await ProblemAssert.NamesFieldAsync(await _scenario.Client.GetAsync($"/api/v1/disputes?{query}"), field);

    [Theory]
    [InlineData("to=soon", "to")]
    [InlineData("from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("from=2020-01-01&to=2026-11-01", "from")]
    [InlineData("to=0001-01-05", "to")]
    [InlineData("from=9999-12-31", "from")]
    public async Task Statistics_WithBadInput_NamesTheField(string query, string field) =>
        await ProblemAssert.NamesFieldAsync(await _scenario.Client.GetAsync($"/api/v1/disputes/statistics?{query}"), field);

    [Fact]
    public async Task Statistics_FlagAMatterDisputedAgainAndAgain_WithItsRulingsAsEvidence_AndCountEachPairOnce()
    {
        // 饮用水水源保护区违规 (SY02): 生态环境局 leads and names 水利局 each time.
        var before = await StatisticsAsync();
        var first = await DisputedTwiceReturnedAsync("SY02", suggested: "330503-SL");
        var second = await DisputedTwiceReturnedAsync("SY02", suggested: "330503-SL");
        await _scenario.DoAsync(first.Id, "rule", new { departmentCode = "330503-SL", reason = "取水口管护属水利", legalBasis = "《浙江省饮用水水源保护条例》" });
        var middle = await StatisticsAsync();
        Assert.Equal(3, middle.AmendmentThreshold);
        Assert.Equal(Matter(before, "SY02").Disputes + 2, Matter(middle, "SY02").Disputes);
        Assert.Equal(Matter(middle, "SY02").Disputes >= 3, Matter(middle, "SY02").NeedsAmendment);

        await DisputedTwiceReturnedAsync("SY02", suggested: "330503-SL");
        var after = await StatisticsAsync();

        var sy02 = Matter(after, "SY02");
        Assert.Equal(Matter(before, "SY02").Disputes + 3, sy02.Disputes);
        Assert.True(sy02.NeedsAmendment);
        var evidence = Assert.Single(sy02.Rulings, r => r.IncidentId == first.Id);
        Assert.Equal(("330503-SL", "取水口管护属水利", "《浙江省饮用水水源保护条例》"), (evidence.RuledDepartmentCode, evidence.RulingReason, evidence.LegalBasis));
        Assert.DoesNotContain(sy02.Rulings, r => r.IncidentId == second.Id);
        var pair = Assert.Single(after.ByPair, p => (p.Department, p.Other) == ("330503-SL", "330503-STHJ"));
        var pairBefore = before.ByPair.FirstOrDefault(p => (p.Department, p.Other) == ("330503-SL", "330503-STHJ"))?.Disputes ?? 0;
        Assert.Equal(pairBefore + 3, pair.Disputes);
        Assert.Contains(pair.RuledTo, r => r.DepartmentCode == "330503-SL");
    }

    private async Task<DisputeStatisticsView> StatisticsAsync() =>
        await (await app.Cast.As("analyst.city").GetAsync("/api/v1/disputes/statistics")).ReadAsync<DisputeStatisticsView>();

    private static MatterDisputes Matter(DisputeStatisticsView view, string code) =>
        view.ByMatter.FirstOrDefault(m => m.MatterCode == code) ?? new MatterDisputes(code, null, 0, 0, 0, false, []);
}
