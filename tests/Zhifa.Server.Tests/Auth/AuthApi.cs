using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>What POST /auth/login and /auth/refresh answer to an API client.</summary>
public sealed record TokenPair(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>A user made for one test, so lockouts and revocations never touch the shared demo cast.</summary>
public sealed record TestUser(string UserName, string Password, string? TotpKey);

/// <summary>The sign-in endpoints, called the way an API client calls them.</summary>
internal static class AuthApi
{
    public const string Login = "/api/v1/auth/login";
    public const string Refresh = "/api/v1/auth/refresh";
    public const string Revoke = "/api/v1/auth/revoke";
    public const string Me = "/api/v1/auth/me";
    public const string TwoFactorKey = "/api/v1/auth/2fa/key";
    public const string TwoFactorEnable = "/api/v1/auth/2fa/enable";

    public const string DemoPassword = IdentitySeeder.DefaultDemoPassword;
    public const string DemoTotpKey = IdentitySeeder.DefaultDemoTotpSecret;

    /// <summary>10 characters or more and all four character classes.</summary>
    public const string TestPassword = "Test-Passw0rd-2026";

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password, string? twoFactorCode = null, bool useCookies = false) =>
        client.PostJsonAsync(useCookies ? Login + "?useCookies=true" : Login, new { userName, password, twoFactorCode });

    public static async Task<TokenPair> SignInAsync(this HttpClient client, string userName, string password, string? twoFactorCode = null) =>
        await (await client.LoginAsync(userName, password, twoFactorCode)).ReadAsync<TokenPair>();

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, TestUser user, string? twoFactorCode = null) =>
        client.LoginAsync(user.UserName, user.Password, twoFactorCode);

    /// <summary>A client signed in as a demo user (with a TOTP code when the role needs one), carrying its bearer token.</summary>
    public static async Task<HttpClient> DemoClientAsync(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string userName, bool withTotp = false)
    {
        var client = app.CreateClient();
        var token = await client.SignInAsync(userName, DemoPassword, withTotp ? TotpCode.Now(DemoTotpKey) : null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string? refreshToken) =>
        client.PostJsonAsync(Refresh, new { refreshToken });

    /// <summary>A request that carries <paramref name="accessToken"/> as <c>Authorization: Bearer</c>.</summary>
    public static Task<HttpResponseMessage> SendWithBearerAsync(this HttpClient client, HttpMethod method, string url, string accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json.Options);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> MeAsync(this HttpClient client, string accessToken) =>
        client.SendWithBearerAsync(HttpMethod.Get, Me, accessToken);

    /// <summary>A new user in <paramref name="role"/>, homed where that role works, optionally enrolled in TOTP with a fresh key.</summary>
    public static async Task<TestUser> CreateUserAsync(this ZhifaApp app, Role role, bool enrolTotp = false, string password = TestPassword)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = NewUser(role);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role.ToString()));
        string? key = null;
        if (enrolTotp)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestUser(user.UserName!, password, key);
    }

    public static PlatformUser NewUser(Role role) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = $"test.{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}",
        DisplayName = $"测试{role}",
        HomeCenterCode = role is Role.DepartmentOfficer or Role.DepartmentLeader ? null : "330503-ZHZX",
        HomeDepartmentCode = role is Role.DepartmentOfficer or Role.DepartmentLeader ? "330503-NYNC" : null,
    };

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
}
