using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>POST /auth/login?useCookies=true: the browser's sign-in, with a cookie instead of tokens.</summary>
[Collection(ApiCollection.Name)]
public sealed class CookieSignInTests(ZhifaApp app)
{
    private const string CookieName = ".AspNetCore.Identity.Application";

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    [Fact]
    public async Task Login_WithUseCookies_SetsHttpOnlyCookieWithWhichMeWorks()
    {
        var browser = Browser();

        var response = await browser.LoginAsync("officer.nanxun.nync", AuthApi.DemoPassword, useCookies: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await (await browser.GetAsync(AuthApi.Me)).ReadAsync<MeView>();
        Assert.Equal("officer.nanxun.nync", me.UserName);
        Assert.Equal(["DepartmentOfficer"], me.Roles);
        Assert.Equal("330503-NYNC", me.HomeDepartmentCode);
    }

    [Fact]
    public async Task Login_WithUseCookiesAndTotp_SetsCookieWithWhichMeWorks()
    {
        var browser = Browser();

        var response = await browser.LoginAsync("admin", AuthApi.DemoPassword, TotpCode.Now(AuthApi.DemoTotpKey), useCookies: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await (await browser.GetAsync(AuthApi.Me)).ReadAsync<MeView>();
        Assert.Equal(["Admin"], me.Roles);
    }

    [Fact]
    public async Task Login_WithUseCookiesAndWrongPassword_SetsNoCookie()
    {
        var browser = Browser();
        var user = await app.CreateUserAsync(Role.Dispatcher);

        var response = await browser.LoginAsync(user.UserName, "Wrong-Passw0rd", useCookies: true);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(AuthApi.Me)).StatusCode);
    }

    [Fact]
    public async Task Login_WithUseCookiesAndNoCode_SetsNoSessionCookie()
    {
        var browser = Browser();

        var response = await browser.LoginAsync("admin", AuthApi.DemoPassword, useCookies: true);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.two_factor_required");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(AuthApi.Me)).StatusCode);
    }

    [Fact]
    public async Task Revoke_WithCookie_EndsThisAndEveryOtherSessionOfTheUser()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);
        var browser = Browser();
        var otherBrowser = Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.UserName, user.Password, useCookies: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.LoginAsync(user.UserName, user.Password, useCookies: true)).StatusCode);
        var tokens = await (await browser.SignInAsync(user)).ReadAsync<TokenPair>();

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostJsonAsync(AuthApi.Revoke, new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(AuthApi.Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherBrowser.GetAsync(AuthApi.Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.MeAsync(tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Me_WithoutCookie_Answers401NotARedirect()
    {
        var response = await Browser().GetAsync(AuthApi.Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
