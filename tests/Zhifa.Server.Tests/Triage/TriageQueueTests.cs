using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Triage;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Triage;

/// <summary>Classification at intake, and the dispatcher's triage queue with its one-call dispatch.</summary>
[Collection(ApiCollection.Name)]
public sealed class TriageQueueTests(ZhifaApp app)
{
    /// <summary>月河街道, 吴兴区: its county centre's queue is this file's.</summary>
    private const string Yuehe = "330502001";
    private const string WuxingCentre = "330502-ZHZX";

    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Report_WhenNoMatterButTheClassifierIsSure_IsRoutedAndDispatchedUnderItsGuess()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, Yuehe, text: "巡查发现路口有流动摊贩推着三轮车占道卖水果");

        Assert.Equal((IncidentStatus.Dispatched, "SR01"), (incident.Status, incident.MatterCode));
        var dispatch = incident.Timeline[^1];
        Assert.Equal((IntakeService.RouterActor, "dispatch"), (dispatch.Actor, dispatch.Action));
        Assert.StartsWith("classified as SR01", dispatch.Note);
    }

    [Fact]
    public async Task Queue_WhenAVagueReportWaits_ShowsItWithThreeRoutedSuggestions()
    {
        var waiting = await _scenario.ReportAsync(matterCode: null, Yuehe);
        var dispatched = await _scenario.ReportAsync("SR01", Yuehe);

        var queue = await QueueAsync(await DispatcherAsync());

        var item = Assert.Single(queue, i => i.Incident.Id == waiting.Id);
        Assert.DoesNotContain(queue, i => i.Incident.Id == dispatched.Id);
        Assert.Equal(IncidentStatus.Reported, waiting.Status);
        Assert.True(item.Suggestions.Count >= 3, $"{item.Suggestions.Count} suggestions");
        Assert.Equal(item.Suggestions.OrderByDescending(s => s.Confidence).Select(s => s.MatterCode), item.Suggestions.Select(s => s.MatterCode));
        Assert.All(item.Suggestions, s => Assert.NotNull(s.DepartmentCode));
    }

    [Fact]
    public async Task Accept_WhenTheDispatcherTakesASuggestion_DispatchesToItsDepartmentsInOneCall()
    {
        var waiting = await _scenario.ReportAsync(matterCode: null, Yuehe);
        var dispatcher = await DispatcherAsync();

        var response = await dispatcher.PostJsonAsync($"/api/v1/triage/queue/{waiting.Id}/accept", new { matterCode = "SR04" });

        var incident = await response.ReadAsync<IncidentDetail>();
        Assert.Equal((IncidentStatus.Dispatched, "SR04"), (incident.Status, incident.MatterCode));
        Assert.Equal(("330502001-ZFD", AssignmentRole.Lead), (incident.Assignments[0].DepartmentCode, incident.Assignments[0].Role));
        Assert.Contains("SR04", incident.Timeline[^1].Note);
        Assert.DoesNotContain(await QueueAsync(dispatcher), i => i.Incident.Id == waiting.Id);
    }

    [Fact]
    public async Task Queue_WhenAReportMayRepeatAnother_ShowsTheCandidate()
    {
        var at = await _scenario.NextPointAsync(Yuehe);
        var first = await _scenario.ReportAsync("SR01", Yuehe, text: "路口有人推三轮车卖西瓜", at: at);
        var second = await _scenario.ReportAsync("SR01", Yuehe, channel: "hotline12345", text: "早上那边有个流动早餐摊", at: at);

        var item = Assert.Single(await QueueAsync(app.Cast.As(Cast.CityDispatcher), "330502001-ZHZX"), i => i.Incident.Id == second.Id);

        Assert.Equal(first.Id, Assert.Single(item.DuplicateCandidates).IncidentId);
        Assert.Equal("SR01", Assert.Single(item.Suggestions).MatterCode);
    }

    [Theory]
    [InlineData("""{}""", "matterCode")]
    [InlineData("""{"matterCode":"XX99"}""", "matterCode")]
    public async Task Accept_WhenTheMatterIsMissingOrUnknown_Answers400AndChangesNothing(string body, string field)
    {
        var waiting = await _scenario.ReportAsync(matterCode: null, Yuehe);

        var response = await (await DispatcherAsync()).PostRawJsonAsync($"/api/v1/triage/queue/{waiting.Id}/accept", body);

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(waiting.Version, (await _scenario.GetAsync(waiting.Id)).Version);
    }

    [Fact]
    public async Task Queue_WhenAskedForAnotherCountysCentre_Answers400NamingCenterCode()
    {
        var response = await (await DispatcherAsync()).GetAsync("/api/v1/triage/queue?centerCode=330503-ZHZX");

        await ProblemAssert.NamesFieldAsync(response, "centerCode");
    }

    [Fact]
    public async Task Accept_WhenAnOfficerTries_Answers403()
    {
        var waiting = await _scenario.ReportAsync(matterCode: null, Yuehe);

        var response = await app.Cast.As("officer.nanxun.nync").PostJsonAsync($"/api/v1/triage/queue/{waiting.Id}/accept", new { matterCode = "SR01" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpClient> DispatcherAsync() =>
        app.Cast.As(await app.Cast.MakeAsync(Role.Dispatcher, WuxingCentre), AuthApi.TestPassword);

    /// <summary>The whole queue, page by page: other tests leave incidents waiting there too.</summary>
    private static async Task<List<TriageItem>> QueueAsync(HttpClient dispatcher, string? centerCode = null)
    {
        var items = new List<TriageItem>();
        for (var page = 1; ; page++)
        {
            var list = await (await dispatcher.GetAsync($"/api/v1/triage/queue?pageSize=200&page={page}{(centerCode is null ? "" : $"&centerCode={centerCode}")}"))
                .ReadAsync<PagedList<TriageItem>>();
            items.AddRange(list.Items);
            if (items.Count >= list.Total || list.Items.Count == 0)
                return items;
        }
    }
}
