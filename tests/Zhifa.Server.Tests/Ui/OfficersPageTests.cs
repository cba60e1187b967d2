using System.Net.Http.Json;
using Microsoft.Playwright;
using Zhifa.Core.Incidents;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>执法队伍: a department leader reads their officers' certificates and their department's figures.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficersPageTests(BrowserApp app)
{
    [Fact]
    public async Task ALeader_SeesCertificateStates_AStationedOfficer_AndTheFigures()
    {
        var page = await app.PageAsync();
        await page.SignInAsync("leader.nanxun.nync", "/inbox");

        await page.GotoAsync("/officers");

        var rows = page.Locator("#officers .officer-row");
        await Assertions.Expect(rows.Filter(new() { HasText = "陆海峰" }).Locator(".certificate-state")).ToHaveAttributeAsync("data-state", "Expired");
        await Assertions.Expect(rows.Filter(new() { HasText = "费丽娟" }).Locator(".certificate-state")).ToHaveAttributeAsync("data-state", "Expiring");
        await Assertions.Expect(rows.Filter(new() { HasText = "姚晓东" }).Locator(".stationed")).ToBeVisibleAsync();
        // 南浔区农业农村局's own row: two legal posts, one held by a qualified officer.
        var stats = page.Locator("#officer-stats .stats-row").Filter(new() { Has = page.Locator("[data-department='330503-NYNC']") });
        await Assertions.Expect(stats.Locator(".qualification-rate")).ToHaveTextAsync("50.0%");
        await page.ScreenshotAsync("officers-leader");
    }

    [Fact]
    public async Task AnOfficer_NamesOfficersInTheInbox_ExpiredCertificatesCannotBeChosen()
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        var accepted = await (await grid.PostAsJsonAsync("/api/v1/clues", new { channel = "grid", text = "河道内发现地笼", matterCode = "SY01", lat = 30.8065, lon = 120.4395 }))
            .Content.ReadFromJsonAsync<ClueAccepted>(Json.Options);
        var page = await app.PageAsync();
        await page.SignInAsync("officer.nanxun.nync", "/inbox");

        await page.Locator("#inbox tr", new() { HasText = accepted!.IncidentNumber }).ClickAsync();
        await page.ClickAsync(".officers-panel .mud-expand-panel-header");
        await page.ClickAsync("#officer-select");
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(items.Filter(new() { HasText = "陆海峰" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-list-item-disabled"));
        await items.Filter(new() { HasText = "沈建华" }).ClickAsync();
        await items.Filter(new() { HasText = "姚晓东" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("#assign-officers");

        await Assertions.Expect(page.Locator(".assigned-officers")).ToContainTextAsync("沈建华");
        await page.ScreenshotAsync("inbox-assign-officers");
        using var api = await app.ApiAsAsync("officer.nanxun.nync");
        var named = await api.GetFromJsonAsync<List<Features.Officers.IncidentOfficerView>>($"/api/v1/incidents/{accepted.IncidentId}/officers", Json.Options);
        Assert.Equal([DemoOfficers.Shen, DemoOfficers.Yao], named!.Select(o => o.OfficerId).Order());
        var detail = await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{accepted.IncidentId}", Json.Options);
        Assert.Equal(("assign-officers", IncidentStatus.Dispatched), (detail!.Timeline[^1].Action, detail.Status));
    }
}
