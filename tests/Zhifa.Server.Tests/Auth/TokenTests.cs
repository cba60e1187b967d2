using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>POST /auth/refresh and /auth/revoke: new token pairs, and ending every session at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenTests(ZhifaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Refresh_WithRefreshToken_AnswersNewPairWhoseAccessTokenWorks()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);
        var first = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();

        var second = await (await _client.RefreshAsync(first.RefreshToken)).ReadAsync<TokenPair>();

        Assert.Equal("Bearer", second.TokenType);
        Assert.Equal(30 * 60, second.ExpiresIn);
        Assert.False(string.IsNullOrWhiteSpace(second.RefreshToken));
        var me = await (await _client.MeAsync(second.AccessToken)).ReadAsync<MeView>();
        Assert.Equal(user.UserName, me.UserName);
        Assert.Equal(["Dispatcher"], me.Roles);
        var third = await (await _client.RefreshAsync(second.RefreshToken)).ReadAsync<TokenPair>();
        Assert.Equal(HttpStatusCode.OK, (await _client.MeAsync(third.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Refresh_WithTotpUsersRefreshToken_AnswersNewPairWithoutAnotherCode()
    {
        var first = await _client.SignInAsync("admin", AuthApi.DemoPassword, TotpCode.Now(AuthApi.DemoTotpKey));

        var second = await (await _client.RefreshAsync(first.RefreshToken)).ReadAsync<TokenPair>();

        var me = await (await _client.MeAsync(second.AccessToken)).ReadAsync<MeView>();
        Assert.Equal(["Admin"], me.Roles);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_WithGarbage_Answers401RefreshInvalid(string token)
    {
        var response = await _client.RefreshAsync(token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.refresh_invalid");
    }

    [Fact]
    public async Task Refresh_WithAccessToken_Answers401RefreshInvalid()
    {
        var tokens = await _client.SignInAsync("dispatcher.nanxun", AuthApi.DemoPassword);

        var response = await _client.RefreshAsync(tokens.AccessToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.refresh_invalid");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"refreshToken":""}""")]
    [InlineData("""{"refreshToken":"   "}""")]
    public async Task Refresh_WhenTokenMissing_Answers400NamingRefreshToken(string body)
    {
        var response = await _client.PostRawJsonAsync(AuthApi.Refresh, body);

        await ProblemAssert.NamesFieldAsync(response, "refreshToken");
    }

    [Fact]
    public async Task Revoke_WithAccessToken_Answers204AndOldTokensStopWorking()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);
        var old = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();
        Assert.Equal(HttpStatusCode.OK, (await _client.MeAsync(old.AccessToken)).StatusCode);

        var revoked = await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.Revoke, old.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.MeAsync(old.AccessToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(await _client.RefreshAsync(old.RefreshToken), HttpStatusCode.Unauthorized, "auth.refresh_invalid");
        var fresh = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();
        Assert.Equal(HttpStatusCode.OK, (await _client.MeAsync(fresh.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.RefreshAsync(fresh.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Revoke_WithOneSession_EndsTheUsersOtherSessionsButNoOneElses()
    {
        var user = await app.CreateUserAsync(Role.Analyst);
        var other = await app.CreateUserAsync(Role.Analyst);
        var phone = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();
        var laptop = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();
        var colleague = await (await _client.SignInAsync(other)).ReadAsync<TokenPair>();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.Revoke, phone.AccessToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.MeAsync(laptop.AccessToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(await _client.RefreshAsync(laptop.RefreshToken), HttpStatusCode.Unauthorized, "auth.refresh_invalid");
        Assert.Equal(HttpStatusCode.OK, (await _client.MeAsync(colleague.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Revoke_WhenAlreadyRevoked_Answers401()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);
        var tokens = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();
        await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.Revoke, tokens.AccessToken);

        var again = await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.Revoke, tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Revoke_WithoutCredentials_Answers401()
    {
        var response = await _client.PostJsonAsync(AuthApi.Revoke, new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
