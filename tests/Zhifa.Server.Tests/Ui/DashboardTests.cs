using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserApp app)
{
    /// <summary>A grid of 和孚镇 this far from the list's end, away from the points other browser tests report at.</summary>
    private const int FromTheEnd = 3;

    [Fact]
    public async Task Dashboard_WhenAnIncidentIsReported_CountsItWithoutReloading()
    {
        var page = await app.PageAsync(1920, 1080);
        await page.SignInAsync("analyst.city", "/dashboard");
        var received = page.Locator("#today-received");
        await Assertions.Expect(received).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        // The map has drawn the regions' outlines (no tiles) once the page is live.
        await Assertions.Expect(page.Locator("#dashboard-map path.leaflet-interactive").First).ToBeAttachedAsync();
        var before = int.Parse(await received.InnerTextAsync(), CultureInfo.InvariantCulture);

        await ReportAsync();

        await Assertions.Expect(received).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 2_000 });
        await page.ScreenshotAsync("dashboard");

        var phone = await app.PageAsync(390, 844);
        await phone.SignInAsync("analyst.city", "/dashboard");
        await Assertions.Expect(phone.Locator("#today-received")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(phone.Locator("#dashboard-map path.leaflet-interactive").First).ToBeAttachedAsync();
        await phone.ScreenshotAsync("dashboard-phone");
    }

    private async Task<string> ReportAsync()
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        var grids = await grid.GetFromJsonAsync<JsonElement>("/api/v1/grids?regionCode=330503106&pageSize=200");
        var items = grids.GetProperty("items");
        var centre = items[items.GetArrayLength() - FromTheEnd].GetProperty("center");
        var response = await grid.PostAsJsonAsync("/api/v1/clues", new
        {
            channel = "grid", matterCode = "SY01", text = "一屏统览测试：河道漂浮物 " + Guid.NewGuid().ToString("N")[..8],
            lat = centre.GetProperty("lat").GetDouble(), lon = centre.GetProperty("lon").GetDouble(),
        });
        response.EnsureSuccessStatusCode();
        var accepted = await response.Content.ReadFromJsonAsync<ClueAccepted>(Json.Options);
        return accepted!.IncidentNumber;
    }
}
