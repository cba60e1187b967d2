using Microsoft.Playwright;
using System.Net.Http.Json;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

internal static class UiSteps
{
    /// <summary>
    /// Signs in through the login page (as a demo user unless a password is given) and waits for the
    /// landing page; with <paramref name="totpKey"/>, answers the page's request for the 6-digit code.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string userName, string expectedPath, string? password = null, string? totpKey = null)
    {
        await page.GotoAsync("/login");
        // Filling waits until the field is enabled, that is until the page is interactive.
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password ?? AuthApi.DemoPassword);
        // Enabled once the page is interactive: a click before that would be lost.
        await page.ClickAsync("#sign-in");
        if (totpKey is not null)
        {
            // The code's field comes once the password is checked: under a loaded machine, as slow as the landing below.
            var code = page.Locator("#twoFactorCode");
            try
            {
                await code.WaitForAsync(new() { Timeout = 60_000 });
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"Signing in as {userName}, the page never asked for the code: {await page.InnerTextAsync("body")}", e);
            }
            await code.FillAsync(TotpCode.Now(totpKey));
            await page.ClickAsync("#sign-in");
        }
        try
        {
            // Two page loads and a circuit's start: under a loaded CI machine that can take more than the default 30 s.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == expectedPath, new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            // Say where the browser ended up, and what it shows: a bare timeout tells nothing.
            throw new TimeoutException($"Signing in as {userName} did not reach {expectedPath}; the page is {page.Url}: {await page.InnerTextAsync("body")}", e);
        }
    }

    /// <summary>
    /// Each co-department of the incident accepts and resolves its part through the API, as its demo
    /// officer, so that the lead department may resolve the incident when its test gets there.
    /// </summary>
    public static async Task FinishCoWorkAsync(this BrowserApp app, Guid incidentId)
    {
        using var dispatcher = await app.ApiAsAsync("dispatcher.nanxun");
        var detail = (await dispatcher.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{incidentId}", Json.Options))!;
        foreach (var part in detail.Assignments.Where(a => a.Role == AssignmentRole.Co && a.Status is AssignmentStatus.Dispatched or AssignmentStatus.Accepted))
        {
            var officer = DemoUsers.All.Single(u => u.DepartmentCode == part.DepartmentCode && u.Role == Role.DepartmentOfficer).UserName;
            using var api = await app.ApiAsAsync(officer);
            var path = $"/api/v1/incidents/{incidentId}/assignments/{part.DepartmentCode}";
            if (part.Status == AssignmentStatus.Dispatched)
                (await api.PostAsJsonAsync($"{path}/accept", new { })).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync($"{path}/resolve", new { result = "协办部分已完成" })).EnsureSuccessStatusCode();
        }
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, name + ".png"), FullPage = true });
}
