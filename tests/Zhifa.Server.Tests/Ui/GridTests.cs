using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>The grid worker's page on a phone: report with the phone's location and a photo, verify a resolved incident.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GridTests(BrowserApp app)
{
    [Fact]
    public async Task Report_OnAPhone_WithLocationAndPhoto_MakesAnIncidentWithThePhoto()
    {
        var at = await GridCentreAsync(DemoUsers.HefuCentreGrids[1]);
        var page = await PhoneAtAsync(at);
        await page.SignInAsync("grid.hefu", "/grid");

        await page.FillAsync("#clue-text", "河边有人用电瓶捕鱼，网格员现场拍照");
        await page.ClickAsync("#locate");
        await Assertions.Expect(page.Locator("#location")).ToContainTextAsync(at.Lat.ToString("F5"));
        await page.Locator("#photos").SetInputFilesAsync(BrowserApp.Photo("scene.png", new SKColor(0x3a, 0x7b, 0xd5)));
        await Assertions.Expect(page.Locator("#photos-list .photo[data-done=true] img")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("grid-phone");
        await page.ClickAsync("#submit-report");

        var answer = page.Locator("#report-answer");
        await Assertions.Expect(answer).ToContainTextAsync("已上报");
        var number = System.Text.RegularExpressions.Regex.Match(await answer.InnerTextAsync(), @"\S+$").Value;
        await Assertions.Expect(page.Locator("#my-reports", new() { HasText = number })).ToBeVisibleAsync();
        await page.ScreenshotAsync("grid-phone-reported");

        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents?q={number}");
        var id = found.GetProperty("items")[0].GetProperty("id").GetString();
        var incident = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        var clue = incident.GetProperty("clues")[0];
        Assert.Equal("grid", clue.GetProperty("channel").GetString());
        Assert.Equal(1, clue.GetProperty("media").GetArrayLength());
        Assert.Equal("image/png", clue.GetProperty("media")[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Verify_AResolvedIncidentInMyGrid_WithAPhoto_ClosesIt()
    {
        var at = await GridCentreAsync(DemoUsers.HefuCentreGrids[0]);
        var (id, number) = await ResolvedAsync(at);
        var page = await PhoneAtAsync(at);
        await page.SignInAsync("grid.hefu", "/grid");

        var task = page.Locator(".grid-task", new() { HasText = number });
        await task.Locator(".verify").ClickAsync();
        await page.FillAsync("#verify-note", "现场已无捕鱼设施");
        await page.Locator("#verify-photos").SetInputFilesAsync(BrowserApp.Photo("after.png", SKColors.SeaGreen));
        var photo = page.Locator("#verify-photos-list .photo[data-done=true]");
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        var mediaId = Guid.Parse((await photo.GetAttributeAsync("data-media-id"))!);
        await task.Locator(".verify-pass").ClickAsync();
        await page.ScreenshotAsync("grid-phone-confirm");
        await page.Locator(".mud-dialog button", new() { HasText = "确认" }).ClickAsync();

        await Assertions.Expect(page.Locator(".grid-task", new() { HasText = number })).ToHaveCountAsync(0);
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var incident = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        Assert.Equal("closed", incident.GetProperty("status").GetString());
        var verified = incident.GetProperty("timeline").EnumerateArray().Last(t => t.GetProperty("action").GetString() == "verify");
        Assert.Equal(mediaId, verified.GetProperty("media")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Locate_WithoutPermission_SaysSoAndKeepsTheReport()
    {
        var page = await app.PageAsync(390, 844);
        await page.SignInAsync("grid.hefu", "/grid");

        await page.FillAsync("#clue-text", "路口井盖缺失");
        await page.ClickAsync("#locate");

        await Assertions.Expect(page.Locator("#location-error")).ToContainTextAsync("无法定位");
        await page.ClickAsync("#submit-report");
        await Assertions.Expect(page.Locator("#report-error")).ToContainTextAsync("使用我的位置");
        await Assertions.Expect(page.Locator("#report-answer")).ToHaveCountAsync(0);
    }

    private Task<IPage> PhoneAtAsync(Point at) => app.PhoneAtAsync(at.Lat, at.Lon);

    private async Task<Point> GridCentreAsync(string code)
    {
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        return (await api.GetFromJsonAsync<GridView>($"/api/v1/grids/{code}", Json.Options))!.Center;
    }

    /// <summary>An SY01 report (the county's 农业农村局 leads) accepted and resolved by its officer: a task for grid.hefu.</summary>
    private async Task<(Guid Id, string Number)> ResolvedAsync(Point at)
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        var response = await grid.PostAsJsonAsync("/api/v1/clues",
            new { channel = "grid", text = "村口河道有人放地笼捕鱼", matterCode = "SY01", lat = at.Lat, lon = at.Lon });
        var accepted = (await response.Content.ReadFromJsonAsync<ClueAccepted>(Json.Options))!;
        using var officer = await app.ApiAsAsync("officer.nanxun.nync");
        (await officer.PostAsJsonAsync($"/api/v1/incidents/{accepted.IncidentId}/accept", new { })).EnsureSuccessStatusCode();
        await app.FinishCoWorkAsync(accepted.IncidentId);
        (await officer.PostAsJsonAsync($"/api/v1/incidents/{accepted.IncidentId}/resolve", new { result = "已拆除地笼" })).EnsureSuccessStatusCode();
        return (accepted.IncidentId, accepted.IncidentNumber);
    }
}
