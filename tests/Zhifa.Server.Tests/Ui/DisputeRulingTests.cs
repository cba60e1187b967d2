using System.Net.Http.Json;
using Microsoft.Playwright;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>
/// 争议处置 in the browser: the bureau returns an incident a second time, and 南浔区's duty commander
/// finds the dispute on /disputes and rules it to 水利局 with the reason and the legal basis.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisputeRulingTests(BrowserApp app)
{
    [Fact]
    public async Task Dispute_ReturnedTwice_IsRuledByTheDutyCommander_AndBindsTheNamedDepartment()
    {
        var incident = await ReturnedTwiceAsync(30.8165);
        var page = await app.PageAsync();
        await page.SignInAsync("commander.nanxun", "/dashboard", totpKey: AuthApi.DemoTotpKey);
        await page.GotoAsync("/disputes");

        var row = page.Locator("#open-disputes tr", new() { HasText = incident.Number });
        await Assertions.Expect(row).ToContainTextAsync("二次退回");
        await Assertions.Expect(row).ToContainTextAsync("南浔区水利局");
        await row.ClickAsync();
        var form = page.Locator("#ruling-form");
        await Assertions.Expect(form).ToContainTextAsync(incident.Number);
        await Assertions.Expect(page.Locator("#rule")).ToBeDisabledAsync();
        // The department the bureau named comes first; the commander confirms it from the list.
        await page.ClickAsync(".ruling-department .mud-select-input");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "南浔区水利局" }).ClickAsync();
        await page.FillAsync("#ruling-reason", "河岸管护属水利部门职责");
        await page.FillAsync("#legal-basis", "《浙江省河道管理条例》");
        await page.ScreenshotAsync("disputes-rule");
        await page.ClickAsync("#rule");

        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "已裁定" }).ClickAsync();
        var ruling = page.Locator("#ruled-disputes tr", new() { HasText = incident.Number });
        await Assertions.Expect(ruling.Locator(".ruled-department")).ToHaveTextAsync("南浔区水利局");
        await Assertions.Expect(ruling).ToContainTextAsync("《浙江省河道管理条例》");
        await page.ScreenshotAsync("disputes-ruled");

        using var dispatcher = await app.ApiAsAsync("dispatcher.nanxun");
        var ruled = (await dispatcher.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{incident.Id}", Json.Options))!;
        Assert.Equal((IncidentStatus.Dispatched, true), (ruled.Status, ruled.BindingRuling));
        Assert.Equal("330503-SL", ruled.Assignments.Single(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Returned).DepartmentCode);
        var entry = ruled.Timeline[^1];
        Assert.Equal(("rule", "commander.nanxun"), (entry.Action, entry.Actor));
        Assert.Contains("《浙江省河道管理条例》", entry.Note);
    }

    /// <summary>An SY01 report the bureau returns, the centre dispatches to it again, and it returns again naming 水利局.</summary>
    private async Task<IncidentDetail> ReturnedTwiceAsync(double lat)
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        var accepted = await (await grid.PostAsJsonAsync("/api/v1/clues", new { channel = "grid", text = "河岸有人堆放杂物并放地笼", matterCode = "SY01", lat, lon = 120.4395 }))
            .ReadAsync<ClueAccepted>();
        using var officer = await app.ApiAsAsync("officer.nanxun.nync");
        using var dispatcher = await app.ApiAsAsync("dispatcher.nanxun");
        var path = $"/api/v1/incidents/{accepted.IncidentId}";
        (await officer.PostAsJsonAsync($"{path}/return", new { reason = "河岸堆物不属于本部门" })).EnsureSuccessStatusCode();
        (await dispatcher.PostAsJsonAsync($"{path}/dispatch", new { departmentCode = "330503-NYNC" })).EnsureSuccessStatusCode();
        return await (await officer.PostAsJsonAsync($"{path}/return", new { reason = "仍不属于本部门职责", suggestedDepartmentCode = "330503-SL" }))
            .ReadAsync<IncidentDetail>();
    }
}
