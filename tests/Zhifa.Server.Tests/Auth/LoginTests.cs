using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>POST /api/v1/auth/login with a password, and GET /auth/me with the token it gives.</summary>
[Collection(ApiCollection.Name)]
public sealed class LoginTests(ZhifaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Login_WhenPasswordRight_AnswersAccessTokenRefreshTokenAndExpiry()
    {
        var response = await _client.LoginAsync("dispatcher.nanxun", AuthApi.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.ReadAsync<TokenPair>();
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.False(string.IsNullOrWhiteSpace(tokens.AccessToken));
        Assert.False(string.IsNullOrWhiteSpace(tokens.RefreshToken));
        Assert.NotEqual(tokens.AccessToken, tokens.RefreshToken);
        Assert.Equal(30 * 60, tokens.ExpiresIn);
    }

    [Theory]
    [InlineData("dispatcher.nanxun", "Dispatcher", "330503-ZHZX", null)]
    [InlineData("grid.hefu", "GridWorker", "330503106-ZHZX", null)]
    [InlineData("officer.nanxun.nync", "DepartmentOfficer", null, "330503-NYNC")]
    [InlineData("leader.nanxun.nync", "DepartmentLeader", null, "330503-NYNC")]
    public async Task Me_WithBearerAccessToken_AnswersNameRolesAndHome(string userName, string role, string? center, string? department)
    {
        var tokens = await _client.SignInAsync(userName, AuthApi.DemoPassword);

        var me = await (await _client.MeAsync(tokens.AccessToken)).ReadAsync<MeView>();

        Assert.Equal(userName, me.UserName);
        Assert.Equal([role], me.Roles);
        Assert.Equal(center, me.HomeCenterCode);
        Assert.Equal(department, me.HomeDepartmentCode);
        Assert.False(me.TwoFactorEnabled);
        Assert.False(string.IsNullOrWhiteSpace(me.DisplayName));
    }

    [Fact]
    public async Task Login_WhenPasswordWrong_Answers401Failed()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);

        var response = await _client.LoginAsync(user.UserName, user.Password + "x");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Fact]
    public async Task Login_WhenUserUnknown_Answers401FailedLikeAWrongPassword()
    {
        var response = await _client.LoginAsync($"nobody.{Guid.NewGuid():N}", AuthApi.DemoPassword);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
        Assert.DoesNotContain("user", problem.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WhenPasswordIsAnotherUsers_Answers401Failed()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);

        var response = await _client.LoginAsync(user.UserName, AuthApi.DemoPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Theory]
    [InlineData("{}", new[] { "userName", "password" })]
    [InlineData("""{"userName":"dispatcher.nanxun"}""", new[] { "password" })]
    [InlineData("""{"password":"Zhifa-Demo-2026"}""", new[] { "userName" })]
    [InlineData("""{"userName":"  ","password":""}""", new[] { "userName", "password" })]
    public async Task Login_WhenFieldsMissing_Answers400NamingThem(string body, string[] fields)
    {
        var response = await _client.PostRawJsonAsync(AuthApi.Login, body);

        var problem = await ProblemAssert.NamesFieldAsync(response, fields[0]);
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(fields.Order(StringComparer.Ordinal), named);
    }

    [Fact]
    public async Task Me_WithoutCredentials_Answers401()
    {
        var response = await _client.GetAsync(AuthApi.Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Me_WithForgedBearerToken_Answers401(string token)
    {
        var response = await _client.MeAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_WithRefreshTokenAsBearer_Answers401()
    {
        var tokens = await _client.SignInAsync("dispatcher.nanxun", AuthApi.DemoPassword);

        var response = await _client.MeAsync(tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
