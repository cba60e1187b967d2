using Microsoft.Playwright;

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
}
