using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Intake;

/// <summary>Duplicate detection at intake: a sure repeat joins its incident, a possible one waits for a dispatcher.</summary>
[Collection(ApiCollection.Name)]
public sealed class DuplicateIntakeTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Report_WhenASureRepeatOfAnOpenIncident_JoinsItAndCountsOneMoreReport()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var first = await ReportAsync(at, "grid", "巡查发现“阿强水果店”门口占道摆摊卖水果");
        var total = await _scenario.TotalAsync();

        var response = await _scenario.PostClueAsync(Clue(at, "hotline12345", "市民来电反映：阿强水果店又把水果摊摆到路上了", metersNorth: 30));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var joined = await response.ReadAsync<ClueAccepted>();
        Assert.Equal((first.Id, first.Id, first.Number), (joined.IncidentId, joined.MergedInto, joined.IncidentNumber));
        Assert.Equal(total, await _scenario.TotalAsync());
        var incident = await _scenario.GetAsync(first.Id);
        Assert.Equal(2, incident.ReportCount);
        Assert.Equal([false, true], incident.Clues.Select(c => c.Joined));
        var entry = incident.Timeline[^1];
        Assert.Equal((Incident.JoinAction, IntakeService.DedupActor, IncidentStatus.Dispatched), (entry.Action, entry.Actor, entry.ToStatus));
        Assert.Contains("阿强水果店又把水果摊", entry.Note);
    }

    [Fact]
    public async Task Report_WhenAJoinedClueIsSentAgain_AnswersTheSameMergedResult()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var first = await ReportAsync(at, "grid", "“老周馄饨”门口桌椅摆上人行道");
        var clue = Clue(at, "hotline12345", "老周馄饨的桌子又摆到人行道上", externalId: $"12345-{Guid.NewGuid():N}");
        var joined = await (await _scenario.PostClueAsync(clue)).ReadAsync<ClueAccepted>();

        var again = await _scenario.PostClueAsync(clue);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(joined, await again.ReadAsync<ClueAccepted>());
        Assert.Equal(first.Id, joined.MergedInto);
    }

    [Fact]
    public async Task Report_WhenPossiblyARepeat_StaysReportedWithTheCandidatesForTheDispatcher()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var first = await ReportAsync(at, "grid", "路口有人推三轮车卖西瓜");

        var second = await ReportAsync(at, "hotline12345", "早上那边有个流动早餐摊", metersNorth: 20);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(IncidentStatus.Reported, second.Status);
        Assert.Empty(second.Assignments);
        var candidate = Assert.Single(second.DuplicateCandidates);
        Assert.Equal((first.Id, first.Number), (candidate.IncidentId, candidate.Number));
        Assert.InRange(candidate.DistanceMeters, 15, 25);
        Assert.InRange(candidate.Score, 0.35, 0.7);
        Assert.Empty(first.DuplicateCandidates);
    }

    [Fact]
    public async Task Merge_WhenTheDispatcherAgreesWithACandidate_CountsTheReportThere()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var first = await ReportAsync(at, "grid", "路口有人推三轮车卖西瓜");
        var second = await ReportAsync(at, "hotline12345", "路边卖水果的小贩占道", metersNorth: 10);

        await _scenario.DoAsync(second.Id, "merge", new { intoIncidentId = second.DuplicateCandidates[0].IncidentId });

        Assert.Equal(2, (await _scenario.GetAsync(first.Id)).ReportCount);
        Assert.Equal(IncidentStatus.Merged, (await _scenario.GetAsync(second.Id)).Status);
    }

    [Fact]
    public async Task Report_WhenTheSameSpotHasAnotherMatter_IsAnIncidentOfItsOwn()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var vending = await ReportAsync(at, "grid", "“阿强水果店”门口占道摆摊");

        var garbage = await ReportAsync(at, "grid", "“阿强水果店”门口垃圾外溢", matterCode: "SR04");

        Assert.NotEqual(vending.Id, garbage.Id);
        Assert.Equal(IncidentStatus.Dispatched, garbage.Status);
        Assert.Empty(garbage.DuplicateCandidates);
    }

    [Fact]
    public async Task Report_WhenTheEarlierIncidentIsClosed_IsAnIncidentOfItsOwn()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var first = await ReportAsync(at, "grid", "“阿强水果店”门口占道摆摊");
        await _scenario.DoAsync(first.Id, "accept");
        await _scenario.DoAsync(first.Id, "resolve", new { result = "已劝离" });
        await _scenario.DoAsync(first.Id, "verify", new { passed = true });

        var again = await ReportAsync(at, "grid", "“阿强水果店”门口占道摆摊");

        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(IncidentStatus.Dispatched, again.Status);
    }

    private static object Clue(Point at, string channel, string text, double metersNorth = 0, string matterCode = "SR01", string? externalId = null) =>
        new { channel, externalId, text, matterCode, lat = at.Lat + metersNorth / 111_195.0, lon = at.Lon };

    private async Task<IncidentDetail> ReportAsync(Point at, string channel, string text, double metersNorth = 0, string matterCode = "SR01") =>
        await _scenario.GetAsync((await (await _scenario.PostClueAsync(Clue(at, channel, text, metersNorth, matterCode))).ReadAsync<ClueAccepted>()).IncidentId);
}
