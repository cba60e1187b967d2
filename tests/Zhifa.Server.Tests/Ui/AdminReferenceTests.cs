using System.Net.Http.Json;
using Microsoft.Playwright;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Reference;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Reference.GridFiles;

namespace Zhifa.Server.Tests.Ui;

/// <summary>
/// The admin's reference pages: the responsibility list, the working calendar, the grid import. Each
/// test changes what no other browser test reads: a matter nobody reports, a day decades away, a
/// township nobody reports in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminReferenceTests(BrowserApp app)
{
    private const string Admin = "admin";

    [Fact]
    public async Task Matters_AsTheAdmin_ChangesAMattersHandleLimit()
    {
        using var api = await ApiAsync();
        var original = (await api.GetFromJsonAsync<MatterView>("/api/v1/matters/JT03", Json.Options))!;
        try
        {
            var page = await SignedInAsync("/admin/matters");

            var row = page.Locator(".matter-row", new() { HasText = "JT03" });
            await Assertions.Expect(row).ToContainTextAsync("1个工作日");
            await page.ScreenshotAsync("admin-matters");
            await page.ClickAsync("#edit-JT03");
            await page.FillAsync("#handle-limit", "3wd");
            await page.ClickAsync("#save-matter");

            await Assertions.Expect(row).ToContainTextAsync("3个工作日");
            var matter = await api.GetFromJsonAsync<MatterView>("/api/v1/matters/JT03", Json.Options);
            Assert.Equal(("3wd", "1wh", "JT"), (matter!.HandleLimit, matter.AcceptLimit, matter.LeadDepartmentType));
        }
        finally
        {
            // The shipped limit back, so a rerun on the same database starts from it.
            await (await api.PutJsonAsync("/api/v1/matters/JT03", MatterEditTests.Body(original, []))).ReadAsync<MatterView>();
        }
    }

    [Fact]
    public async Task Matters_OnAPhone_ShowsABadLimitBesideItsField()
    {
        using var api = await ApiAsync();
        var before = (await api.GetFromJsonAsync<MatterView>("/api/v1/matters/JT02", Json.Options))!.AcceptLimit;
        var page = await SignedInAsync("/admin/matters", 390, 844);

        await page.ClickAsync("#edit-JT02");
        await page.FillAsync("#accept-limit", "2 小时");
        await page.ClickAsync("#save-matter");

        await Assertions.Expect(page.Locator(".matter-dialog")).ToContainTextAsync("acceptLimit is a time limit");
        // The phone's screen, not the whole list: what the admin sees while fixing the field.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, "admin-matters-phone.png") });
        Assert.Equal(before, (await api.GetFromJsonAsync<MatterView>("/api/v1/matters/JT02", Json.Options))!.AcceptLimit);
    }

    [Fact]
    public async Task Calendar_AsTheAdmin_AddsAHolidayThenRemovesItAfterConfirming()
    {
        var page = await SignedInAsync("/admin/calendar");
        await Assertions.Expect(page.Locator("#working-hours")).ToContainTextAsync("08:30-12:00");

        await page.FillAsync("#day-date", "2097-03-04");
        await page.SelectOptionAsync("#day-kind", "false");
        await page.FillAsync("#day-name", "测试假日");
        await page.ClickAsync("#save-day");

        var row = page.Locator(".calendar-day", new() { HasText = "2097年3月4日" });
        await Assertions.Expect(row).ToContainTextAsync("测试假日");
        await Assertions.Expect(page.Locator("#year")).ToHaveTextAsync("2097年");
        await page.ScreenshotAsync("admin-calendar");
        using var api = await ApiAsync();
        var year = await api.GetFromJsonAsync<CalendarYearView>("/api/v1/calendar?year=2097", Json.Options);
        Assert.Equal((new DateOnly(2097, 3, 4), false, "测试假日"), Assert.Single(year!.Days) is var d ? (d.Date, d.Working, d.Name) : default);

        await row.Locator(".remove-day").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("2097年3月4日");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();

        await Assertions.Expect(page.Locator("#empty-calendar")).ToBeVisibleAsync();
        Assert.Empty((await api.GetFromJsonAsync<CalendarYearView>("/api/v1/calendar?year=2097", Json.Options))!.Days);
    }

    [Fact]
    public async Task Grids_AsTheAdmin_ImportsAFileAndShowsTheResultOrTheFieldErrors()
    {
        var page = await SignedInAsync("/admin/grids");
        var input = page.Locator("#geojson:not([disabled])");

        await input.SetInputFilesAsync(File("bad.geojson", Collection(Square("330523202902", "上墅乡第902网格", "330523", 29.40, 119.02))));
        await Assertions.Expect(page.Locator("#import-errors")).ToContainTextAsync("features[0].properties.townshipCode");
        await input.SetInputFilesAsync(File("shangshu.geojson", Collection(Square("330523202901", "上墅乡第901网格", Shangshu, 29.40, 119.00))));

        await Assertions.Expect(page.Locator("#import-result")).ToHaveAttributeAsync("data-created", "1");
        await Assertions.Expect(page.Locator($".grid-count[data-township='{Shangshu}']")).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync("admin-grids");
        using var api = await ApiAsync();
        var grid = await api.GetFromJsonAsync<GridView>("/api/v1/grids/330523202901", Json.Options);
        Assert.Equal(("上墅乡第901网格", Shangshu), (grid!.Name, grid.TownshipCode));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/grids/330523202902")).StatusCode);
    }

    private static FilePayload File(string name, string json) =>
        new() { Name = name, MimeType = "application/geo+json", Buffer = System.Text.Encoding.UTF8.GetBytes(json) };

    /// <summary>
    /// Signs in as the admin with a code from the authenticator, lands on the admin's home, and opens
    /// <paramref name="section"/>: the sections are tabs of that home.
    /// </summary>
    private async Task<IPage> SignedInAsync(string section, int width = 1920, int height = 1080)
    {
        var page = await app.PageAsync(width, height);
        await page.SignInAsync(Admin, "/admin", totpKey: AuthApi.DemoTotpKey);
        await page.GotoAsync(section);
        return page;
    }

    private Task<HttpClient> ApiAsync() => app.ApiAsAsync(Admin, TotpCode.Now(AuthApi.DemoTotpKey));
}
