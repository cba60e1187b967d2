using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>POST /auth/2fa/key and /auth/2fa/enable: a user for whom TOTP is optional turns it on.</summary>
[Collection(ApiCollection.Name)]
public sealed class TwoFactorEnrolmentTests(ZhifaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Enrol_WhenCodeRight_Answers204AndSignInThenNeedsTheCode()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);
        var tokens = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();

        var key = await (await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.TwoFactorKey, tokens.AccessToken)).ReadAsync<AuthenticatorKeyView>();
        Assert.Matches("^[A-Z2-7]{32}$", key.SharedKey);
        Assert.Equal($"otpauth://totp/Zhifa:{user.UserName}?secret={key.SharedKey}&issuer=Zhifa&digits=6", key.AuthenticatorUri);

        var wrong = await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.TwoFactorEnable, tokens.AccessToken, new { code = TotpCode.Wrong(key.SharedKey) });
        await ProblemAssert.NamesFieldAsync(wrong, "code");

        var right = await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.TwoFactorEnable, tokens.AccessToken, new { code = TotpCode.Now(key.SharedKey) });
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);

        await ProblemAssert.IsProblemAsync(await _client.SignInAsync(user), HttpStatusCode.Unauthorized, "auth.two_factor_required");
        var after = await (await _client.SignInAsync(user, TotpCode.Now(key.SharedKey))).ReadAsync<TokenPair>();
        var me = await (await _client.MeAsync(after.AccessToken)).ReadAsync<MeView>();
        Assert.True(me.TwoFactorEnabled);
    }

    [Fact]
    public async Task Key_WhenAskedTwice_AnswersTheSameKey()
    {
        var user = await app.CreateUserAsync(Role.Analyst);
        var tokens = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();

        var first = await (await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.TwoFactorKey, tokens.AccessToken)).ReadAsync<AuthenticatorKeyView>();
        var second = await (await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.TwoFactorKey, tokens.AccessToken)).ReadAsync<AuthenticatorKeyView>();

        Assert.Equal(first.SharedKey, second.SharedKey);
    }

    [Fact]
    public async Task Key_WhenCreated_LeavesTheCallersSessionWorking()
    {
        var user = await app.CreateUserAsync(Role.Supervisor);
        var tokens = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();

        await (await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.TwoFactorKey, tokens.AccessToken)).ReadAsync<AuthenticatorKeyView>();

        Assert.Equal(HttpStatusCode.OK, (await _client.MeAsync(tokens.AccessToken)).StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"code":" "}""")]
    public async Task Enable_WhenCodeMissing_Answers400NamingCode(string body)
    {
        var user = await app.CreateUserAsync(Role.GridWorker);
        var tokens = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();
        var request = new HttpRequestMessage(HttpMethod.Post, AuthApi.TwoFactorEnable)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", tokens.AccessToken);

        await ProblemAssert.NamesFieldAsync(await _client.SendAsync(request), "code");
    }

    [Fact]
    public async Task Enable_WhenNoKeyWasEverCreated_Answers400NamingCode()
    {
        var user = await app.CreateUserAsync(Role.DepartmentOfficer);
        var tokens = await (await _client.SignInAsync(user)).ReadAsync<TokenPair>();

        var response = await _client.SendWithBearerAsync(HttpMethod.Post, AuthApi.TwoFactorEnable, tokens.AccessToken, new { code = "123456" });

        await ProblemAssert.NamesFieldAsync(response, "code");
        Assert.Equal(HttpStatusCode.OK, (await _client.SignInAsync(user)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/auth/2fa/key")]
    [InlineData("/api/v1/auth/2fa/enable")]
    public async Task TwoFactor_WithoutCredentials_Answers401(string url)
    {
        var response = await _client.PostJsonAsync(url, new { code = "123456" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
