using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>
/// The seed's river scenario through the pages alone, as the four people who work it: the grid worker
/// reports fishing cages with a photo from the phone, the county centre's dispatcher sends the incident
/// to the 农业农村局, its officer accepts and resolves it with a photo, and the grid worker verifies it on
/// the spot with another. Each works in their own browser; the API is only read, to check the record.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SeedScenarioUiTests(BrowserApp app)
{
    // Says what was seen but not whose it is: the classifier cannot place it, so it waits for the dispatcher.
    private const string Report = "群众反映这里有情况，请派人核实：村口河道边堆着不少网具";

    [Fact]
    public async Task RiverCages_ReportedDispatchedResolvedAndVerified_ThroughThePages()
    {
        using var reference = await app.ApiAsAsync("grid.hefu");
        // In the worker's own grid, some way from its centre, where the other browser tests report.
        var centre = (await reference.GetFromJsonAsync<GridView>($"/api/v1/grids/{DemoUsers.HefuCentreGrids[1]}", Json.Options))!.Center;
        var at = centre with { Lat = centre.Lat + 0.0012 };

        // 1. The grid worker, on the phone, at the river.
        var grid = await app.PhoneAtAsync(at.Lat, at.Lon);
        await grid.SignInAsync("grid.hefu", "/grid");
        await grid.FillAsync("#clue-text", Report);
        await grid.ClickAsync("#locate");
        await Assertions.Expect(grid.Locator("#location")).ToBeVisibleAsync();
        await grid.Locator("#photos").SetInputFilesAsync(BrowserApp.Photo("cages.png", SKColors.SteelBlue));
        await Assertions.Expect(grid.Locator("#photos-list .photo[data-done=true]")).ToHaveCountAsync(1);
        await grid.ClickAsync("#submit-report");
        var answer = grid.Locator("#report-answer");
        await Assertions.Expect(answer).ToContainTextAsync("已上报");
        var number = Regex.Match(await answer.InnerTextAsync(), @"\S+$").Value;
        await grid.ScreenshotAsync("scenario-1-reported");

        // 2. The county centre's dispatcher sends it to the 农业农村局.
        var dispatcher = await app.PageAsync();
        await dispatcher.SignInAsync("dispatcher.nanxun", "/workbench");
        await dispatcher.Locator("#triage-queue tr", new() { HasText = number }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator("#incident-detail")).ToContainTextAsync(Report);
        await Assertions.Expect(dispatcher.Locator("#incident-detail img")).ToHaveCountAsync(1);
        // The map of the incident and its grid: the grid's outline and the incident's dot.
        await Assertions.Expect(dispatcher.Locator($"#incident-map[data-grid='{DemoUsers.HefuCentreGrids[1]}']")).ToBeVisibleAsync();
        await Assertions.Expect(dispatcher.Locator("#incident-map path.leaflet-interactive")).ToHaveCountAsync(2);
        await dispatcher.ClickAsync(".department-select .mud-select-input");
        await dispatcher.Locator(".mud-popover-open .mud-list-item", new() { HasText = "南浔区农业农村局" }).ClickAsync();
        await dispatcher.ScreenshotAsync("scenario-2-dispatch");
        await dispatcher.ClickAsync(".act-dispatch");
        await Assertions.Expect(dispatcher.Locator("#triage-queue tr", new() { HasText = number })).ToHaveCountAsync(0);

        // 3. The bureau's officer accepts it, clears the cages and resolves it with a photo.
        var officer = await app.PageAsync();
        await officer.SignInAsync("officer.nanxun.nync", "/inbox");
        var row = officer.Locator("#inbox tr", new() { HasText = number });
        await row.ClickAsync();
        await officer.ClickAsync("#accept");
        await Assertions.Expect(row).ToContainTextAsync("处置中");
        await officer.FillAsync("#resolve-result", "现场清理地笼 12 个，对当事人教育劝导");
        await officer.Locator("#photos").SetInputFilesAsync(BrowserApp.Photo("cleared.png", SKColors.SeaGreen));
        await Assertions.Expect(officer.Locator("#incident-detail .photo[data-done=true]")).ToHaveCountAsync(1);
        await officer.ScreenshotAsync("scenario-3-resolve");
        await officer.ClickAsync("#resolve");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        // 4. The grid worker goes back and verifies it, with a photo of the cleared bank.
        await grid.ReloadAsync();
        var task = grid.Locator(".grid-task", new() { HasText = number });
        await task.Locator(".verify").ClickAsync();
        await grid.FillAsync("#verify-note", "河道已无地笼");
        await grid.Locator("#verify-photos").SetInputFilesAsync(BrowserApp.Photo("after.png", SKColors.LightGreen));
        await Assertions.Expect(grid.Locator("#verify-photos-list .photo[data-done=true]")).ToHaveCountAsync(1);
        await task.Locator(".verify-pass").ClickAsync();
        await grid.Locator(".mud-dialog button", new() { HasText = "确认" }).ClickAsync();
        await Assertions.Expect(grid.Locator(".grid-task", new() { HasText = number })).ToHaveCountAsync(0);
        await grid.ScreenshotAsync("scenario-4-verified");

        using var api = await app.ApiAsAsync("dispatcher.nanxun");
        var found = await api.GetFromJsonAsync<PagedList<IncidentSummary>>($"/api/v1/incidents?q={number}", Json.Options);
        var incident = (await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{Assert.Single(found!.Items).Id}", Json.Options))!;
        Assert.Equal(Zhifa.Core.Incidents.IncidentStatus.Closed, incident.Status);
        Assert.Equal(["report", "dispatch", "accept", "resolve", "verify"], incident.Timeline.Select(t => t.Action));
        Assert.Equal(["grid.hefu", "dispatcher.nanxun", "officer.nanxun.nync", "officer.nanxun.nync", "grid.hefu"], incident.Timeline.Select(t => t.Actor));
        Assert.Equal("330503-NYNC", incident.Assignments.Single(a => a.Role == Zhifa.Core.Incidents.AssignmentRole.Lead).DepartmentCode);
        Assert.Single(Assert.Single(incident.Clues).Media);
        Assert.Single(incident.Timeline.Single(t => t.Action == "resolve").Media);
        Assert.Single(incident.Timeline.Single(t => t.Action == "verify").Media);
    }
}
