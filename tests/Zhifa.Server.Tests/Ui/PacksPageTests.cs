using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Analysis.Packs;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>The packs page: a dispatcher generates the weekly pack of their centre and reads its figures, as the API holds them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PacksPageTests(BrowserApp app)
{
    [Fact]
    public async Task Packs_AsADispatcher_GeneratesAWeeklyPackAndSeesItsFigures()
    {
        var page = await app.PageAsync();
        await page.SignInAsync("dispatcher.nanxun", "/workbench");
        await page.GotoAsync("/packs");
        await page.ClickAsync("#kind-weekly");
        await page.ClickAsync("#generate-pack");

        await Assertions.Expect(page.Locator("#pack-title")).ToContainTextAsync("周研判");
        var id = Guid.Parse(new Uri(page.Url).Query.Split("id=")[1][..36]);
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var pack = await (await api.GetAsync($"/api/v1/analysis/packs/{id}")).ReadAsync<PackView>();
        var weekly = pack.Weekly!;
        Assert.Equal(("weekly", "dispatcher.nanxun"), (pack.Kind, pack.GeneratedBy));

        var total = page.Locator("#pack-total tr[data-key='total']");
        await Assertions.Expect(total.Locator(".received")).ToHaveTextAsync(weekly.Total.Received.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(total.Locator(".closed")).ToHaveTextAsync(weekly.Total.Closed.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#pack-departments tbody tr")).ToHaveCountAsync(weekly.ByDepartment.Length);
        await Assertions.Expect(page.Locator("#pack-trend tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("#download-pack")).ToHaveAttributeAsync("href", $"/api/v1/analysis/packs/{id}.xlsx");
        await Assertions.Expect(page.Locator("#print-pack")).ToBeVisibleAsync();
        await page.ScreenshotAsync("packs-weekly");

        // Printed, the pack stands alone: the navigation and the page's controls are hidden.
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#print-pack")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#pack-total")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });

        // Back on the list, the pack is listed under its kind.
        await page.GotoAsync("/packs");
        await Assertions.Expect(page.Locator("#packs tr.pack-row", new() { HasText = pack.Period }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMonthlyPack_ShowsTheMonthsDepartmentAssessment()
    {
        // A report this month, so that a department has work to assess in it.
        using var grid = await app.ApiAsAsync("grid.hefu");
        var grids = (await grid.GetFromJsonAsync<JsonElement>("/api/v1/grids?regionCode=330503106&pageSize=200")).GetProperty("items");
        var spot = grids[grids.GetArrayLength() - 9].GetProperty("center");
        (await grid.PostAsJsonAsync("/api/v1/clues", new
        {
            channel = "grid", matterCode = "SY01", text = "月度考核展示：河道漂浮物 " + Guid.NewGuid().ToString("N")[..8],
            lat = spot.GetProperty("lat").GetDouble(), lon = spot.GetProperty("lon").GetDouble(),
        })).EnsureSuccessStatusCode();
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var month = PlatformTime.LocalDate(app.Time.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var made = await (await api.PostJsonAsync("/api/v1/analysis/packs", new { kind = "monthly", period = month })).ReadAsync<PackView>();
        var assessment = made.Monthly!.Assessment!;
        Assert.NotEmpty(assessment);

        var page = await app.PageAsync();
        await page.SignInAsync("dispatcher.nanxun", "/workbench");
        await page.GotoAsync($"/packs?id={made.Id}");

        await Assertions.Expect(page.Locator("#pack-title")).ToContainTextAsync("月会商");
        await Assertions.Expect(page.Locator("#pack-assessment tr.assessment-row")).ToHaveCountAsync(assessment.Length);
        var first = assessment[0];
        await Assertions.Expect(page.Locator($"#pack-assessment tr[data-department='{first.DepartmentCode}'] .score"))
            .ToHaveTextAsync(first.Score is { } score ? score.ToString("0.00", CultureInfo.InvariantCulture) : "未参评");
    }
}
