using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Media;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

[Collection(BrowserCollection.Name)]
public sealed class InboxTests(BrowserApp app)
{
    private const string Officer = "officer.nanxun.nync";

    [Fact]
    public async Task Inbox_AsAnOfficer_AcceptsThenResolvesWithAPhoto()
    {
        var incident = await ReportAsync(30.8005);
        // 水利局 and 和孚镇's team do their parts first: the lead's resolve waits for them.
        await app.FinishCoWorkAsync(incident.IncidentId);
        var page = await app.PageAsync();
        await page.SignInAsync(Officer, "/inbox");

        var row = page.Locator("#inbox tr", new() { HasText = incident.IncidentNumber });
        await Assertions.Expect(row).ToContainTextAsync("待签收");
        await page.ScreenshotAsync("inbox");
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#incident-detail .incident-title")).ToContainTextAsync(incident.IncidentNumber);
        await page.ClickAsync("#accept");

        await Assertions.Expect(row).ToContainTextAsync("处置中");
        await page.FillAsync("#resolve-result", "已清除地笼 3 个，现场恢复");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload
        {
            Name = "scene.png", MimeType = "image/png", Buffer = TestImages.Halves(64, 48, SKEncodedImageFormat.Png),
        });
        var photo = page.Locator("#incident-detail .photo[data-done=true]");
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        var mediaId = await photo.GetAttributeAsync("data-media-id");
        await page.ScreenshotAsync("inbox-resolve");
        await page.ClickAsync("#resolve");

        await Assertions.Expect(row).ToHaveCountAsync(0);
        using var api = await app.ApiAsAsync(Officer);
        var detail = await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{incident.IncidentId}", Json.Options);
        Assert.Equal(IncidentStatus.Resolved, detail!.Status);
        Assert.Equal("已清除地笼 3 个，现场恢复", detail.Timeline[^1].Note);
        Assert.True(Guid.TryParse(mediaId, out var id));
        Assert.Equal(id, Assert.Single(detail.Timeline[^1].Media).Id);
    }

    [Fact]
    public async Task Inbox_OnAPhone_ReturnsWithAReasonAfterConfirming()
    {
        var incident = await ReportAsync(30.8025);
        var page = await app.PageAsync(390, 844);
        await page.SignInAsync(Officer, "/inbox");

        var row = page.Locator("#inbox tr", new() { HasText = incident.IncidentNumber });
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#return")).ToBeDisabledAsync();
        await page.FillAsync("#return-reason", "非本部门职责，建议由水利局处置");
        await page.ClickAsync("#return");
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync(incident.IncidentNumber);
        await page.ScreenshotAsync("inbox-return-phone");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.ScreenshotAsync("inbox-phone");
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var detail = await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{incident.IncidentId}", Json.Options);
        Assert.Equal(IncidentStatus.Reported, detail!.Status);
        Assert.Equal(1, detail.ReturnCount);
        Assert.Equal("非本部门职责，建议由水利局处置", detail.Timeline[^1].Note);
    }

    [Fact]
    public async Task Inbox_AsACoDepartment_WorksOnlyItsOwnPart()
    {
        var incident = await ReportAsync(30.8185);
        var page = await app.PageAsync();
        await page.SignInAsync("officer.nanxun.sl", "/inbox");

        await page.Locator("#inbox tr", new() { HasText = incident.IncidentNumber }).ClickAsync();
        await Assertions.Expect(page.Locator("#incident-detail .incident-title")).ToContainTextAsync(incident.IncidentNumber);
        // The life-cycle actions are the lead's: a co-department sees only its own part.
        await Assertions.Expect(page.Locator("#accept")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#return")).ToHaveCountAsync(0);
        await page.ClickAsync("#co-accept");
        await page.FillAsync("#co-result", "巡查河岸，配合清理地笼");
        await page.ScreenshotAsync("inbox-co-part");
        await page.ClickAsync("#co-resolve");

        var part = page.Locator("#incident-detail .assignment[data-department='330503-SL']");
        await Assertions.Expect(part).ToHaveAttributeAsync("data-status", "Resolved");
        await Assertions.Expect(page.Locator("#incident-detail .co-part")).ToHaveCountAsync(0);
        using var api = await app.ApiAsAsync(Officer);
        var detail = (await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{incident.IncidentId}", Json.Options))!;
        Assert.Equal(AssignmentStatus.Resolved, detail.Assignments.Single(a => a.DepartmentCode == "330503-SL").Status);
        Assert.Equal(("co-resolve", "officer.nanxun.sl"), (detail.Timeline[^1].Action, detail.Timeline[^1].Actor));
    }

    /// <summary>
    /// Illegal fishing in 和孚镇, dispatched at once to 南浔区农业农村局. Each test reports at its own
    /// latitude, more than SY01's 100 m duplicate radius from the others, so that none joins another.
    /// </summary>
    private async Task<ClueAccepted> ReportAsync(double lat)
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        var response = await grid.PostAsJsonAsync("/api/v1/clues", new { channel = "grid", text = "河道内发现地笼", matterCode = "SY01", lat, lon = 120.4395 });
        var accepted = await response.Content.ReadFromJsonAsync<ClueAccepted>(Json.Options);
        Assert.Equal(IncidentStatus.Dispatched, accepted!.Status);
        return accepted;
    }
}
