using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Media;

/// <summary>A resolution and a verification carry their photos on their timeline entries.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActionMediaTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task ResolveThenVerify_WithPhotos_ShowsThemOnTheirTimelineEntries()
    {
        var accepted = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        await _scenario.FinishCoWorkAsync(accepted.Id);
        var officer = await app.Cast.OfficerOfAsync("330503-NYNC");
        var before = await officer.UploadedAsync(TestImages.Halves(70, 48));
        var after = await officer.UploadedAsync(TestImages.Halves(72, 48));

        var resolved = await (await officer.PostJsonAsync($"/api/v1/incidents/{accepted.Id}/resolve",
            new { result = "已清理地笼", mediaIds = new[] { after.Id, before.Id } })).ReadAsync<IncidentDetail>();
        var closed = await (await _scenario.Client.PostJsonAsync($"/api/v1/incidents/{accepted.Id}/verify",
            new { passed = true, note = "现场已无地笼" })).ReadAsync<IncidentDetail>();

        Assert.Equal([after.Id, before.Id], resolved.Timeline[^1].Media.Select(m => m.Id));
        Assert.Equal("resolve", resolved.Timeline[^1].Action);
        Assert.Empty(closed.Timeline[^1].Media);
        Assert.Equal([after.Id, before.Id], closed.Timeline.Single(t => t.Action == "resolve").Media.Select(m => m.Id));
    }

    [Fact]
    public async Task Resolve_WithAFileSomeoneElseUploaded_Answers400AndChangesNothing()
    {
        var accepted = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        var officer = await app.Cast.OfficerOfAsync("330503-NYNC");
        var notTheirs = await app.Cast.As("grid.hefu").UploadedAsync(TestImages.Halves(76, 48));

        var refused = await officer.PostJsonAsync($"/api/v1/incidents/{accepted.Id}/resolve", new { result = "已清理", mediaIds = new[] { notTheirs.Id } });

        await ProblemAssert.NamesFieldAsync(refused, "mediaIds");
        Assert.Equal(IncidentStatus.InProgress, (await _scenario.GetAsync(accepted.Id)).Status);
    }

    [Fact]
    public async Task Verify_WithAPhoto_KeepsItOnTheVerification()
    {
        var resolved = await _scenario.InStatusAsync(IncidentStatus.Resolved);
        var photo = await _scenario.Client.UploadedAsync(TestImages.Halves(78, 48));

        var reworked = await (await _scenario.Client.PostJsonAsync($"/api/v1/incidents/{resolved.Id}/verify",
            new { passed = false, note = "地笼仍在", mediaIds = new[] { photo.Id } })).ReadAsync<IncidentDetail>();

        Assert.Equal((IncidentStatus.InProgress, photo.Id), (reworked.Status, Assert.Single(reworked.Timeline[^1].Media).Id));
        Assert.Equal(HttpStatusCode.OK, (await _scenario.Client.GetAsync(reworked.Timeline[^1].Media[0].Url)).StatusCode);
    }
}
