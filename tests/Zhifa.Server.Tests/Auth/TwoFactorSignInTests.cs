using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>Sign-in with TOTP: required for Admin and DutyCommander, who cannot sign in without it.</summary>
[Collection(ApiCollection.Name)]
public sealed class TwoFactorSignInTests(ZhifaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("admin")]
    [InlineData("commander.city")]
    public async Task Login_WhenEnrolledUserSendsNoCode_Answers401TwoFactorRequired(string userName)
    {
        var response = await _client.LoginAsync(userName, AuthApi.DemoPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.two_factor_required");
    }

    [Theory]
    [InlineData("admin", "Admin")]
    [InlineData("commander.city", "DutyCommander")]
    [InlineData("commander.nanxun", "DutyCommander")]
    public async Task Login_WhenEnrolledUserSendsRightCode_AnswersTokensThatWork(string userName, string role)
    {
        var tokens = await _client.SignInAsync(userName, AuthApi.DemoPassword, TotpCode.Now(AuthApi.DemoTotpKey));

        var me = await (await _client.MeAsync(tokens.AccessToken)).ReadAsync<MeView>();
        Assert.Equal(userName, me.UserName);
        Assert.Equal([role], me.Roles);
        Assert.True(me.TwoFactorEnabled);
    }

    [Fact]
    public async Task Login_WhenCodeWrittenWithSpaces_AnswersTokens()
    {
        var code = TotpCode.Now(AuthApi.DemoTotpKey);

        var response = await _client.LoginAsync("admin", AuthApi.DemoPassword, $"{code[..3]} {code[3..]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_WhenAdminSendsWrongCode_Answers401Failed()
    {
        var user = await app.CreateUserAsync(Role.Admin, enrolTotp: true);

        var response = await _client.SignInAsync(user, TotpCode.Wrong(user.TotpKey!));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Theory]
    [InlineData("abcdef")]
    [InlineData("12345678901234567890")]
    public async Task Login_WhenCodeNotSixDigits_Answers401Failed(string code)
    {
        var user = await app.CreateUserAsync(Role.Admin, enrolTotp: true);

        var response = await _client.SignInAsync(user, code);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Fact]
    public async Task Login_WhenRightCodeButWrongPassword_Answers401Failed()
    {
        var user = await app.CreateUserAsync(Role.Admin, enrolTotp: true);

        var response = await _client.LoginAsync(user.UserName, "Wrong-Passw0rd", TotpCode.Now(user.TotpKey!));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Fact]
    public async Task Login_WhenCodeIsAnotherUsers_Answers401Failed()
    {
        var user = await app.CreateUserAsync(Role.Admin, enrolTotp: true);

        var response = await _client.SignInAsync(user, TotpCode.Now(AuthApi.DemoTotpKey));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Theory]
    [InlineData(Role.DutyCommander)]
    [InlineData(Role.Admin)]
    public async Task Login_WhenRequiredRoleNotEnrolled_Answers403EnrolmentRequiredAfterTheRightPassword(Role role)
    {
        var user = await app.CreateUserAsync(role);

        var response = await _client.SignInAsync(user);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "auth.two_factor_enrolment_required");
    }

    [Fact]
    public async Task Login_WhenRequiredRoleNotEnrolledAndPasswordWrong_Answers401Failed()
    {
        var user = await app.CreateUserAsync(Role.DutyCommander);

        var response = await _client.LoginAsync(user.UserName, "Wrong-Passw0rd", TotpCode.Now(AuthApi.DemoTotpKey));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Fact]
    public async Task Login_WhenOptionalRoleNotEnrolledSendsACode_IgnoresItAndAnswersTokens()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);

        var response = await _client.SignInAsync(user, "123456");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
