using Microsoft.Playwright;
using Zhifa.Server.Tests.Auth;

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
            await page.FillAsync("#twoFactorCode", TotpCode.Now(totpKey));
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

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, name + ".png"), FullPage = true });
}
