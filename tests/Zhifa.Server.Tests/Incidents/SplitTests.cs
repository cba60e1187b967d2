using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Incidents;

/// <summary>POST /api/v1/incidents/{id}/split: a joined report taken out again as an incident of its own.</summary>
[Collection(ApiCollection.Name)]
public sealed class SplitTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Split_WhenAJoinedReport_MakesItAnIncidentOfItsOwnRoutedAfresh()
    {
        var source = await _scenario.WithJoinedReportAsync();
        var clue = source.Clues[1];

        var response = await _scenario.Client.PostJsonAsync($"/api/v1/incidents/{source.Id}/split", new { clueId = clue.Id, note = "不是同一个摊位" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var split = await response.ReadAsync<IncidentDetail>();
        Assert.Equal($"/api/v1/incidents/{split.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((IncidentStatus.Dispatched, "330503106-ZFD"), (split.Status, split.Assignments[0].DepartmentCode));
        var moved = Assert.Single(split.Clues);
        Assert.Equal((clue.Id, false), (moved.Id, moved.Joined));
        var after = await _scenario.GetAsync(source.Id);
        Assert.Equal(1, after.ReportCount);
        Assert.Equal(source.Clues[0].Id, Assert.Single(after.Clues).Id);
        Assert.Equal((Incident.SplitAction, source.Version + 1), (after.Timeline[^1].Action, after.Version));
        Assert.Contains("不是同一个摊位", after.Timeline[^1].Note);
    }

    [Fact]
    public async Task Split_WhenTheIncidentsOwnFirstReport_Answers409AndChangesNothing()
    {
        var source = await _scenario.WithJoinedReportAsync();

        var response = await _scenario.Client.PostJsonAsync($"/api/v1/incidents/{source.Id}/split", new { clueId = source.Clues[0].Id });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "incident.split_first_clue");
        Assert.Equal(source.Version, (await _scenario.GetAsync(source.Id)).Version);
    }

    [Theory]
    [InlineData("""{}""", "clueId")]
    [InlineData("""{"clueId":"0190e2f4-0000-7000-8000-000000000000"}""", "clueId")]
    [InlineData("""{"clueId":"not-a-guid"}""", "clueId")]
    public async Task Split_WhenClueMissingOrNotOfTheIncident_Answers400NamingClueIdAndChangesNothing(string body, string field)
    {
        var source = await _scenario.WithJoinedReportAsync();
        var total = await _scenario.TotalAsync();

        var response = await _scenario.Client.PostRawJsonAsync($"/api/v1/incidents/{source.Id}/split", body);

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(source.Version, (await _scenario.GetAsync(source.Id)).Version);
        Assert.Equal(total, await _scenario.TotalAsync());
    }

    [Fact]
    public async Task Split_WhenAClosedIncident_Answers409()
    {
        var source = await _scenario.WithJoinedReportAsync();
        foreach (var (action, body) in new (string, object)[] { ("accept", new { }), ("resolve", new { result = "已劝离" }), ("verify", new { passed = true }) })
            await _scenario.DoAsync(source.Id, action, body);

        var response = await _scenario.Client.PostJsonAsync($"/api/v1/incidents/{source.Id}/split", new { clueId = source.Clues[1].Id });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "incident.split_closed");
    }

    [Fact]
    public async Task Split_WhenADispatcherOfAnotherCounty_Answers404()
    {
        var source = await _scenario.WithJoinedReportAsync();
        var elsewhere = app.Cast.As(await app.Cast.MakeAsync(Role.Dispatcher, "330522-ZHZX"), AuthApi.TestPassword);

        var response = await elsewhere.PostJsonAsync($"/api/v1/incidents/{source.Id}/split", new { clueId = source.Clues[1].Id });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, (await _scenario.GetAsync(source.Id)).ReportCount);
    }
}
