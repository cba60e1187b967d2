using Microsoft.Playwright;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Ui;

namespace Zhifa.Server.Tests.Ui;

/// <summary>
/// Every main page, as the person who works on it, on a phone (390×844) and on a desk's screen
/// (1920×1080): it loads, nothing runs off the side so that the page must scroll sideways, and a
/// screenshot of each goes to the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageSizeTests(BrowserApp app)
{
    /// <summary>Who opens each page in this test, a person whose post it serves, and where they land on signing in.</summary>
    private static readonly Dictionary<string, (string User, string Lands)> Users = new()
    {
        ["/workbench"] = ("dispatcher.nanxun", "/workbench"),
        ["/inbox"] = ("officer.nanxun.nync", "/inbox"),
        ["/grid"] = ("grid.hefu", "/grid"),
        ["/dashboard"] = ("analyst.city", "/dashboard"),
        ["/analysis"] = ("analyst.city", "/dashboard"),
        ["/supervision"] = ("supervisor.city", "/supervision"),
        ["/disputes"] = ("commander.nanxun", "/dashboard"),
        ["/consultations"] = ("dispatcher.nanxun", "/workbench"),
        ["/actions"] = ("officer.nanxun.nync", "/inbox"),
        ["/officers"] = ("leader.nanxun.nync", "/inbox"),
        ["/duty"] = ("commander.nanxun", "/dashboard"),
        ["/packs"] = ("analyst.city", "/dashboard"),
    };

    /// <summary>The posts that sign in with a second factor.</summary>
    private static string? TotpOf(string userName) => userName.StartsWith("commander.", StringComparison.Ordinal) ? AuthApi.DemoTotpKey : null;

    /// <summary>The pages, the administrator's sections included; the administrator lands on /admin and goes on from there.</summary>
    public static TheoryData<string> MainPages => [.. Homes.All.Select(p => p.Href)];

    [Fact]
    public void EveryMainPage_HasAPersonToOpenIt()
    {
        Assert.Equal(Homes.Pages.Select(p => p.Href).Where(h => h != "/admin").Order(), Users.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task MainPage_FitsAPhoneAndADesk(string href)
    {
        var page = await app.PageAsync();
        if (href.StartsWith("/admin", StringComparison.Ordinal))
        {
            await page.SignInAsync("admin", "/admin", totpKey: AuthApi.DemoTotpKey);
            if (href != "/admin")
                await page.GotoAsync(href);
        }
        else
        {
            var (user, lands) = Users[href];
            await page.SignInAsync(user, lands, totpKey: TotpOf(user));
            if (lands != href)
                await page.GotoAsync(href);
        }

        foreach (var (width, height, suffix) in new[] { (1920, 1080, "desk"), (390, 844, "phone") })
        {
            await page.SetViewportSizeAsync(width, height);
            await LoadedAsync(page, href);
            await page.ScreenshotAsync($"page{href.Replace('/', '-')}-{suffix}");
            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, innerWidth) = (widths[0], widths[1]);
            Assert.True(scrollWidth <= innerWidth, $"{href} at {width}×{height} is {scrollWidth} px wide, wider than the {innerWidth} px screen.");
        }
    }

    /// <summary>The page has drawn its data: a heading is up and no loading bar runs.</summary>
    private static async Task LoadedAsync(IPage page, string href)
    {
        await Assertions.Expect(page.Locator("h1, h2").First).ToBeVisibleAsync();
        // The dashboard shows no loading bar: its figures read "–" until its data has come.
        if (href == "/dashboard")
            await Assertions.Expect(page.Locator(".dash-kpi-value").First).Not.ToHaveTextAsync("–");
        // The duty page's roster lists its two weeks once loaded, even with nobody on it.
        if (href == "/duty")
            await Assertions.Expect(page.Locator("#roster-days tbody tr")).ToHaveCountAsync(14);
        // The analysis page's figures read "–" until its indicators have come.
        if (href == "/analysis")
            await Assertions.Expect(page.Locator("#total-received")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(page.Locator(".mud-progress-linear .mud-progress-linear-bar.mud-progress-indeterminate, .mud-progress-indeterminate")).ToHaveCountAsync(0);
    }
}
