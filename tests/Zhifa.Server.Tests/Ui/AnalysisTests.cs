using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zhifa.Server.Tests.Auth;

namespace Zhifa.Server.Tests.Ui;

/// <summary>态势分析 in the browser: the page's figures are the indicator API's, grouped as asked, and drawn.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalysisTests(BrowserApp app)
{
    /// <summary>A grid of 和孚镇 this far from the list's end, away from the points other browser tests report at.</summary>
    private const int FromTheEnd = 6;
    private const string Matter = "SY01";
    private const string Nanxun = "330503";

    [Fact]
    public async Task Analysis_AfterReports_ShowsTheApisTotalAndGroupsByMatter()
    {
        await ReportAsync(2);
        using var dispatcher = await app.ApiAsAsync("dispatcher.nanxun");
        var answer = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/v1/analysis/indicators?regionCode={Nanxun}");
        var received = answer.GetProperty("total").GetProperty("received").GetInt32();
        Assert.True(received >= 2, $"The API counts {received} received in 南浔区 after two reports.");
        var matter = (await dispatcher.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{Matter}")).GetProperty("name").GetString()!;

        var page = await app.PageAsync(1920, 1080);
        await page.SignInAsync("commander.nanxun", "/dashboard", totpKey: AuthApi.DemoTotpKey);
        await page.GotoAsync("/analysis");

        // The county's commander reads their county by default: the same total as the API's for 南浔区.
        await Assertions.Expect(page.Locator("#total-received")).ToHaveTextAsync(received.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "区域" })).ToContainTextAsync("南浔区");
        await Assertions.Expect(page.Locator("#rate-chart canvas")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#trend-chart canvas")).ToBeAttachedAsync();

        await page.ClickAsync("#group-matter");
        await Assertions.Expect(page.Locator("#indicator-table thead")).ToContainTextAsync("事项");
        await Assertions.Expect(page.Locator("#indicator-table .indicator-key", new() { HasTextString = matter })).ToBeVisibleAsync();
        // Grouping changes the rows, not the total.
        await Assertions.Expect(page.Locator("#total-received")).ToHaveTextAsync(received.ToString(CultureInfo.InvariantCulture));
        await page.ScreenshotAsync("analysis");
    }

    private async Task ReportAsync(int count)
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        var grids = await grid.GetFromJsonAsync<JsonElement>("/api/v1/grids?regionCode=330503106&pageSize=200");
        var items = grids.GetProperty("items");
        var centre = items[items.GetArrayLength() - FromTheEnd].GetProperty("center");
        for (var n = 0; n < count; n++)
        {
            var response = await grid.PostAsJsonAsync("/api/v1/clues", new
            {
                channel = "grid", matterCode = Matter, text = "态势分析测试：河道漂浮物 " + Guid.NewGuid().ToString("N")[..8],
                lat = centre.GetProperty("lat").GetDouble() + n * 0.002, lon = centre.GetProperty("lon").GetDouble(),
            });
            response.EnsureSuccessStatusCode();
        }
    }
}
