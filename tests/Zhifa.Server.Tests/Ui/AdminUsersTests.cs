using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Auth;

namespace Zhifa.Server.Tests.Ui;

/// <summary>The admin's pages: signing in with the second factor, people made through the page, channel keys issued and revoked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminUsersTests(BrowserApp app)
{
    private const string Admin = "admin";

    [Fact]
    public async Task Admin_SignsInOnAPhone_OnlyOnceTheTotpCodeIsGiven()
    {
        var page = await app.PageAsync(390, 844);
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", Admin);
        await page.FillAsync("#password", AuthApi.DemoPassword);
        await page.ClickAsync("#sign-in");

        // The right password alone does not sign in: the page asks for the code, and no session exists yet.
        var code = page.Locator("#twoFactorCode");
        await Assertions.Expect(code).ToBeVisibleAsync();
        var elsewhere = await page.Context.NewPageAsync();
        await elsewhere.GotoAsync("/admin");
        await Assertions.Expect(elsewhere).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?back="));
        await elsewhere.CloseAsync();

        await code.FillAsync(TotpCode.Now(AuthApi.DemoTotpKey));
        await page.ClickAsync("#sign-in");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#users .user-row", new() { HasText = Admin })).ToHaveCountAsync(1);
        await page.ScreenshotAsync("admin-users-phone");
    }

    [Fact]
    public async Task CreateUser_ThroughThePage_TheyThenSignInInAFreshBrowser()
    {
        var name = $"ui.dispatcher.{Guid.NewGuid().ToString("N")[..8]}";
        var page = await app.PageAsync();
        await page.SignInAsync(Admin, "/admin", totpKey: AuthApi.DemoTotpKey);
        await Assertions.Expect(page.Locator("#users .user-row").First).ToBeVisibleAsync();

        await page.ClickAsync("#new-user");
        await page.FillAsync("#new-user-name", name);
        await page.FillAsync("#display-name", "界面新建调度员");
        await page.Locator("#roles").GetByText("调度员", new() { Exact = true }).ClickAsync();
        await page.SelectOptionAsync("#center", "330503-ZHZX");
        await page.FillAsync("#new-password", "short");
        await page.ClickAsync("#save-user");

        // A refused password is named beside its field, and no one is made.
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("at least 10 characters");
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByNameAsync(name));
        await page.FillAsync("#new-password", AuthApi.TestPassword);
        await page.ClickAsync("#save-user");

        var row = page.Locator("#users .user-row", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("调度员");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await page.ScreenshotAsync("admin-users");

        var theirs = await app.PageAsync();
        await theirs.SignInAsync(name, "/workbench", password: AuthApi.TestPassword);
        await Assertions.Expect(theirs.Locator(".user-name")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task EditLockAndReset_ThroughThePage_EachAfterConfirming()
    {
        var name = $"ui.moved.{Guid.NewGuid().ToString("N")[..8]}";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>()
                .CreateUserAsync(name, "待调岗调度员", Role.Dispatcher, AuthApi.TestPassword, null, "330503-ZHZX");
        var page = await app.PageAsync(390, 844);
        await page.SignInAsync(Admin, "/admin", totpKey: AuthApi.DemoTotpKey);
        await Assertions.Expect(page.Locator("#users .user-row").First).ToBeVisibleAsync();
        await page.FillAsync("#user-search", name);
        await page.PressAsync("#user-search", "Enter");
        var row = page.Locator("#users .user-row", new() { HasText = name });
        await Assertions.Expect(page.Locator("#users .user-row")).ToHaveCountAsync(1);

        await row.Locator(".edit-user").ClickAsync();
        var roles = page.Locator("#roles");
        await roles.GetByText("调度员", new() { Exact = true }).ClickAsync();
        await roles.GetByText("分析研判员", new() { Exact = true }).ClickAsync();
        await page.ClickAsync("#save-user");
        await Assertions.Expect(row).ToContainTextAsync("分析研判员");

        await row.Locator(".lock-user").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "锁定" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已锁定");

        await row.Locator(".reset-password").ClickAsync();
        await page.FillAsync("#reset-password-value", "Reset-Passw0rd-26");
        await page.ClickAsync("#confirm-reset");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = $"已重置 {name} 的密码" })).ToBeVisibleAsync();

        await using var check = app.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = await users.FindByNameAsync(name);
        Assert.Equal(["Analyst"], await users.GetRolesAsync(user!));
        Assert.True(await users.IsLockedOutAsync(user!));
        Assert.True(await users.CheckPasswordAsync(user!, "Reset-Passw0rd-26"));
    }

    [Fact]
    public async Task Keys_IssuedThroughThePage_WorkUntilRevokedThere()
    {
        var name = $"界面测试 {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.PageAsync();
        await page.SignInAsync(Admin, "/admin", totpKey: AuthApi.DemoTotpKey);
        // The section's tab, once the page is live: a click on the prerendered page would be lost.
        await Assertions.Expect(page.Locator("#new-user")).ToBeEnabledAsync();
        await page.Locator(".admin-nav .mud-tab", new() { HasText = "接口密钥" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/keys");

        await page.SelectOptionAsync("#key-channel", "citymgmt");
        await page.FillAsync("#key-name", name);
        await page.ClickAsync("#issue-key");

        var key = await page.Locator("#issued-key").TextContentAsync();
        Assert.StartsWith("zf_", key);
        var row = page.Locator(".key-channel[data-channel=citymgmt] .key-row", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("有效");
        await page.ScreenshotAsync("admin-keys");
        using var system = new HttpClient { BaseAddress = app.Address };
        system.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/api/v1/regions")).StatusCode);

        await row.Locator(".revoke-key").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync(name);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("已吊销");
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.GetAsync("/api/v1/regions")).StatusCode);
    }
}
