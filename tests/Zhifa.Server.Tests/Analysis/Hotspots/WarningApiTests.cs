using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Analysis.Hotspots;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Analysis.Hotspots.HotspotPlaces;

namespace Zhifa.Server.Tests.Analysis.Hotspots;

/// <summary>
/// Warning rules kept over HTTP, and the warnings they give: a threshold of matching incidents within a
/// window ending at the look. On the clock collection's server: the tests move the clock.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class WarningApiTests(ZhifaApp app)
{
    private const string Rules = "/api/v1/analysis/warning-rules";
    private readonly Scenario _scenario = new(app);

    private HttpClient Supervisor => app.Cast.As("supervisor.city");
    private HttpClient Dispatcher => app.Cast.As("dispatcher.nanxun");

    private static object Body(string name, string? matter = "SR06", string? region = Hefu, int threshold = 3, int hours = 2, string severity = "alarm", bool enabled = true) =>
        new { name, matterCode = matter, regionCode = region, threshold, windowHours = hours, severity, enabled };

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task ARule_FiresAtItsThreshold_WithinItsWindow_ListingTheIncidents_AndNotForAnotherCounty()
    {
        var rule = await (await Supervisor.PostJsonAsync(Rules, Body(Unique("和孚镇违规广告")))).ReadAsync<WarningRuleView>();
        try
        {
            var monday = app.NextMonday(new TimeOnly(9, 0));
            var (_, planted) = await _scenario.PlantAsync("SR06", 3);
            var ids = planted.Select(p => p.Id).ToHashSet();
            app.MoveTo(monday.AddHours(1));

            var now = await (await Dispatcher.GetAsync($"/api/v1/analysis/warnings?regionCode={Nanxun}")).ReadAsync<WarningsView>();

            var warning = Assert.Single(now.Warnings, w => w.RuleId == rule.Id);
            Assert.Equal((WarningSeverity.Alarm, 3, monday.AddHours(-1), monday.AddHours(1)), (warning.Severity, warning.Threshold, warning.After, warning.UpTo));
            Assert.True(warning.Count >= 3);
            Assert.Superset(warning.Incidents.Select(i => i.Id).ToHashSet(), ids);
            Assert.All(warning.Incidents, i => Assert.Equal($"/api/v1/incidents/{i.Id}", i.Href));

            // The window is (at − 2 h, at]: two hours on, the reports have just left it.
            var gone = await (await Dispatcher.GetAsync($"/api/v1/analysis/warnings?at={Query(monday.AddHours(2))}")).ReadAsync<WarningsView>();
            Assert.DoesNotContain(gone.Warnings, w => w.RuleId == rule.Id && w.Incidents.Any(i => ids.Contains(i.Id)));
            var still = await (await Dispatcher.GetAsync($"/api/v1/analysis/warnings?at={Query(monday.AddHours(2).AddSeconds(-1))}")).ReadAsync<WarningsView>();
            Assert.Contains(still.Warnings, w => w.RuleId == rule.Id);

            var theirs = await (await (await app.ChangxingDispatcherAsync()).GetAsync("/api/v1/analysis/warnings")).ReadAsync<WarningsView>();
            Assert.DoesNotContain(theirs.Warnings, w => w.RuleId == rule.Id);

            // Disabled, it is silent.
            Assert.Equal(HttpStatusCode.OK, (await Supervisor.PutJsonAsync($"{Rules}/{rule.Id}", Body(rule.Name, enabled: false))).StatusCode);
            var off = await (await Dispatcher.GetAsync("/api/v1/analysis/warnings")).ReadAsync<WarningsView>();
            Assert.DoesNotContain(off.Warnings, w => w.RuleId == rule.Id);
        }
        finally
        {
            await Supervisor.DeleteAsync($"{Rules}/{rule.Id}");
        }
    }

    [Fact]
    public async Task Rules_AreAdded_Changed_Listed_AndRemoved()
    {
        var created = await Supervisor.PostJsonAsync(Rules, Body(Unique("规则"), matter: null, region: null, threshold: 40, hours: 24, severity: "notice"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await created.ReadAsync<WarningRuleView>();
        Assert.Equal((null, null, 40, 24, WarningSeverity.Notice, true), (rule.MatterCode, rule.RegionCode, rule.Threshold, rule.WindowHours, rule.Severity, rule.Enabled));
        Assert.Equal($"{Rules}/{rule.Id}", created.Headers.Location?.OriginalString);

        var changed = await (await Supervisor.PutJsonAsync($"{Rules}/{rule.Id}", new { name = rule.Name, channel = "hotline12345", threshold = 5, windowHours = 6, severity = "Warning" }))
            .ReadAsync<WarningRuleView>();
        Assert.Equal(("hotline12345", 5, 6, WarningSeverity.Warning), (changed.Channel, changed.Threshold, changed.WindowHours, changed.Severity));
        var listed = await (await Dispatcher.GetAsync(Rules)).ReadAsync<List<WarningRuleView>>();
        Assert.Equal(changed.Channel, Assert.Single(listed, r => r.Id == rule.Id).Channel);

        Assert.Equal(HttpStatusCode.NoContent, (await Supervisor.DeleteAsync($"{Rules}/{rule.Id}")).StatusCode);
        Assert.DoesNotContain(await (await Dispatcher.GetAsync(Rules)).ReadAsync<List<WarningRuleView>>(), r => r.Id == rule.Id);
        await ProblemAssert.IsProblemAsync(await Supervisor.DeleteAsync($"{Rules}/{rule.Id}"), HttpStatusCode.NotFound, "warning_rule.not_found");
        await ProblemAssert.IsProblemAsync(await Supervisor.PutJsonAsync($"{Rules}/{rule.Id}", Body("x")), HttpStatusCode.NotFound, "warning_rule.not_found");
    }

    [Fact]
    public async Task ABadRule_NamesEveryWrongField_AndChangesNothing()
    {
        var before = (await (await Dispatcher.GetAsync(Rules)).ReadAsync<List<WarningRuleView>>()).Count;
        var bad = await Supervisor.PostJsonAsync(Rules, new { name = " ", matterCode = "XX99", regionCode = "nowhere", channel = "fax", threshold = 0, windowHours = 24 * 400, severity = "panic" });

        var errors = (await ProblemAssert.NamesFieldAsync(bad, "name")).GetProperty("errors");
        foreach (var field in new[] { "matterCode", "regionCode", "channel", "threshold", "windowHours", "severity" })
            Assert.True(errors.TryGetProperty(field, out _), $"errors do not name '{field}': {errors}");
        await ProblemAssert.NamesFieldAsync(await Supervisor.PostJsonAsync(Rules, new { name = Unique("缺字段") }), "threshold");
        await ProblemAssert.NamesFieldAsync(await Supervisor.PostJsonAsync(Rules, Body(Unique("全市"), region: "330500")), "regionCode");
        await ProblemAssert.NamesFieldAsync(await Supervisor.PostJsonAsync(Rules, Body(Unique("数值"), severity: "2")), "severity");
        var name = Unique("同名");
        var first = await (await Supervisor.PostJsonAsync(Rules, Body(name))).ReadAsync<WarningRuleView>();
        await ProblemAssert.NamesFieldAsync(await Supervisor.PostJsonAsync(Rules, Body(name)), "name");
        Assert.Equal(before + 1, (await (await Dispatcher.GetAsync(Rules)).ReadAsync<List<WarningRuleView>>()).Count);
        await Supervisor.DeleteAsync($"{Rules}/{first.Id}");
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"threshold\":\"many\",\"windowHours\":2,\"severity\":\"alarm\"}")]
    [InlineData("{\"name\":\"x\",\"threshold\":2147483648,\"windowHours\":2,\"severity\":\"alarm\"}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task ABodyThatIsNotARule_IsA400_NotAFailure(string json)
    {
        var response = await Supervisor.PostRawJsonAsync(Rules, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACountysKeeper_KeepsItsOwnRegionsRules_NotAnotherCountysNorTheCitys()
    {
        var analyst = app.Cast.As(await app.Cast.MakeAsync(Role.Analyst, "330503-ZHZX"), AuthApi.TestPassword);

        var own = await analyst.PostJsonAsync(Rules, Body(Unique("南浔规则"), region: Hefu));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var rule = await own.ReadAsync<WarningRuleView>();
        await ProblemAssert.IsProblemAsync(await analyst.PostJsonAsync(Rules, Body(Unique("长兴规则"), region: "330522")), HttpStatusCode.Forbidden, "warning_rule.not_yours");
        await ProblemAssert.IsProblemAsync(await analyst.PostJsonAsync(Rules, Body(Unique("全市规则"), region: null)), HttpStatusCode.Forbidden, "warning_rule.not_yours");
        // Nor may they move their rule out of their county.
        await ProblemAssert.IsProblemAsync(await analyst.PutJsonAsync($"{Rules}/{rule.Id}", Body(rule.Name, region: "330522")), HttpStatusCode.Forbidden, "warning_rule.not_yours");
        var citys = await (await Supervisor.PostJsonAsync(Rules, Body(Unique("全市规则"), region: null))).ReadAsync<WarningRuleView>();
        await ProblemAssert.IsProblemAsync(await analyst.DeleteAsync($"{Rules}/{citys.Id}"), HttpStatusCode.Forbidden, "warning_rule.not_yours");
        await ProblemAssert.IsProblemAsync(await analyst.DeleteAsync($"{Rules}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "warning_rule.not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await Supervisor.DeleteAsync($"{Rules}/{citys.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"{Rules}/{rule.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Dispatcher.PostJsonAsync(Rules, Body(Unique("调度员规则")))).StatusCode);
    }

    [Fact]
    public async Task TheDemoRules_AreSeededOnce_HoweverOftenTheSeedRuns()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoWarningRules>().SeedAsync(CancellationToken.None);
        }

        var listed = await (await Dispatcher.GetAsync(Rules)).ReadAsync<List<WarningRuleView>>();
        Assert.Single(listed, r => r.Id == DemoWarningRules.HotlineSurge && r.Channel == "hotline12345" && r.Severity == WarningSeverity.Alarm);
        Assert.Single(listed, r => r.Id == DemoWarningRules.NanxunStalls && r.MatterCode == "SR01" && r.RegionCode == Nanxun);
    }
}
