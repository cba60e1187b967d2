using System.Net.Http.Headers;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Users;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Users;

/// <summary>The user administration API, called as an admin made for the test (so locking and self-checks touch no shared account).</summary>
internal sealed class UsersApi(ZhifaApp app)
{
    public const string Root = "/api/v1/users";

    public string AdminName { get; private set; } = "";

    public HttpClient Admin { get; private set; } = default!;

    public static async Task<UsersApi> StartAsync(ZhifaApp app)
    {
        var api = new UsersApi(app);
        api.AdminName = await app.Cast.MakeAsync(Role.Admin, "330500-ZHZX", totpKey: AuthApi.DemoTotpKey);
        api.Admin = app.Cast.As(api.AdminName, AuthApi.TestPassword, AuthApi.DemoTotpKey);
        return api;
    }

    public static string NewName(string what) => $"u.{what}.{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A dispatcher of 南浔区's centre, as the admin makes one.</summary>
    public static object Dispatcher(string userName, string password = AuthApi.TestPassword) =>
        new { userName, displayName = "测试调度员", roles = new[] { "Dispatcher" }, password, centerCode = "330503-ZHZX" };

    /// <summary>A dispatcher made through the API for this test; answers their user name.</summary>
    public async Task<string> NewDispatcherAsync(string what)
    {
        var name = NewName(what);
        await CreateAsync(Dispatcher(name));
        return name;
    }

    /// <summary>No user has that name: a refused request made no one.</summary>
    public async Task AssertNoUserAsync(string userName) =>
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync($"{Root}/{userName}"), System.Net.HttpStatusCode.NotFound, "users.not_found");

    public async Task<SavedUser> CreateAsync(object body) => await (await Admin.PostJsonAsync(Root, body)).ReadAsync<SavedUser>();

    public async Task<UserView> GetAsync(string userName) => await (await Admin.GetAsync($"{Root}/{userName}")).ReadAsync<UserView>();

    /// <summary>A client of its own that carries the user's bearer token from a fresh sign-in.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = AuthApi.TestPassword, string? totpKey = null)
    {
        var client = app.CreateClient();
        var token = await client.SignInAsync(userName, password, totpKey is null ? null : TotpCode.Now(totpKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
