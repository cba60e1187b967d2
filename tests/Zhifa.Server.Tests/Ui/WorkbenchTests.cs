using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

[Collection(BrowserCollection.Name)]
public sealed class WorkbenchTests(BrowserApp app)
{
    [Fact]
    public async Task SignIn_AsADispatcher_LandsOnTheWorkbenchAndDispatchesAsSuggested()
    {
        var number = await ReportUnplacedAsync();
        var page = await app.PageAsync();

        await page.SignInAsync("dispatcher.nanxun", "/workbench");
        var row = page.Locator("#triage-queue tr", new() { HasText = number });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await page.ScreenshotAsync("workbench");
        await row.Locator(".dispatch-suggested").ClickAsync();

        await Assertions.Expect(page.Locator("#triage-queue tr", new() { HasText = number })).ToHaveCountAsync(0);
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var incident = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents?q={number}");
        Assert.Equal("dispatched", incident.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reject_FromTheIncidentPanel_AsksForConfirmationThenRejects()
    {
        var number = await ReportUnplacedAsync();
        var page = await app.PageAsync();
        await page.SignInAsync("dispatcher.nanxun", "/workbench");

        await page.Locator("#triage-queue tr", new() { HasText = number }).ClickAsync();
        await Assertions.Expect(page.Locator("#incident-detail")).ToContainTextAsync(number);
        await page.FillAsync("#reason", "非执法事项");
        await page.ClickAsync(".act-reject");
        await page.ScreenshotAsync("workbench-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();

        await Assertions.Expect(page.Locator("#triage-queue tr", new() { HasText = number })).ToHaveCountAsync(0);
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var incident = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents?q={number}");
        Assert.Equal("rejected", incident.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Dispatch_FromTheIncidentPanel_SendsToTheChosenDepartment()
    {
        var number = await ReportUnplacedAsync();
        var page = await app.PageAsync(390, 844);
        await page.SignInAsync("dispatcher.nanxun", "/workbench");

        await page.Locator("#triage-queue tr", new() { HasText = number }).ClickAsync();
        await Assertions.Expect(page.Locator("#incident-detail")).ToContainTextAsync(number);
        await page.ScreenshotAsync("workbench-phone");
        await page.ClickAsync(".act-dispatch");

        await Assertions.Expect(page.Locator("#triage-queue tr", new() { HasText = number })).ToHaveCountAsync(0);
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var incident = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents?q={number}");
        Assert.Equal("dispatched", incident.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Workbench_SignedOut_SendsToTheLoginPageAndBack()
    {
        var page = await app.PageAsync(390, 844);

        await page.GotoAsync("/workbench");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await page.ScreenshotAsync("login-phone");
        await page.FillAsync("#userName", "dispatcher.nanxun");
        await page.FillAsync("#password", "wrong-Passw0rd");
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("用户名或密码不正确");

        await page.FillAsync("#password", Auth.AuthApi.DemoPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/workbench");
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_ShowsTheWorkbenchInEnglish()
    {
        var page = await app.PageAsync();
        await page.SignInAsync("dispatcher.nanxun", "/workbench");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("待研判事件");

        await page.ClickAsync(".language");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Awaiting triage");
    }

    [Fact]
    public async Task Keyboard_MovesOpensDispatchesAndCloses_WithoutTheMouse()
    {
        var first = await ReportUnplacedAsync();
        var second = await ReportUnplacedAsync();
        var page = await app.PageAsync();
        await page.SignInAsync("dispatcher.nanxun", "/workbench");
        await Assertions.Expect(page.Locator("#triage-queue tr", new() { HasText = second })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#keyboard-hint")).ToContainTextAsync("Enter");

        var numbers = await page.Locator("#triage-queue tbody tr .incident-number").AllInnerTextsAsync();
        var at = numbers.ToList().IndexOf(first);
        Assert.True(at >= 0, $"{first} is not in the queue: {string.Join(", ", numbers)}");
        await Assertions.Expect(page.Locator("#triage-queue tr.cursor")).ToContainTextAsync(numbers[0]);
        for (var i = 0; i < at; i++)
            await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("#triage-queue tr.cursor")).ToContainTextAsync(first);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#incident-detail")).ToContainTextAsync(first);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#incident-detail")).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#incident-detail")).ToContainTextAsync(first);
        await page.Keyboard.PressAsync("d");
        await Assertions.Expect(page.Locator("#triage-queue tr", new() { HasText = first })).ToHaveCountAsync(0);
        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var incident = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents?q={first}");
        Assert.Equal("dispatched", incident.GetProperty("items")[0].GetProperty("status").GetString());
    }

    private static int _reports;

    /// <summary>A clue without a matter, in 和孚镇: it waits in the county centre's triage queue.</summary>
    private async Task<string> ReportUnplacedAsync()
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        // Each report at another grid's centre of 和孚镇, so that none repeats an earlier one.
        var grids = await grid.GetFromJsonAsync<JsonElement>("/api/v1/grids?regionCode=330503106&pageSize=200");
        var centre = grids.GetProperty("items")[Interlocked.Increment(ref _reports)].GetProperty("center");
        var response = await grid.PostAsJsonAsync("/api/v1/clues", new
        {
            channel = "grid", text = Scenario.UnplacedText, lat = centre.GetProperty("lat").GetDouble(), lon = centre.GetProperty("lon").GetDouble(),
        });
        var accepted = await response.Content.ReadFromJsonAsync<ClueAccepted>(Json.Options);
        Assert.Equal(IncidentStatus.Reported, accepted!.Status);
        return accepted.IncidentNumber;
    }
}
