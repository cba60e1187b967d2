using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>Lockout after <see cref="AuthSetup.MaxFailedSignIns"/> failed sign-ins, whatever the second factor.</summary>
[Collection(ApiCollection.Name)]
public sealed class LockoutTests(ZhifaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_AnswersLockedOutEvenForTheRightPassword()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);

        for (var attempt = 1; attempt < AuthSetup.MaxFailedSignIns; attempt++)
            await ProblemAssert.IsProblemAsync(await _client.LoginAsync(user.UserName, "Wrong-Passw0rd"), HttpStatusCode.Unauthorized, "auth.failed");
        var fifth = await _client.LoginAsync(user.UserName, "Wrong-Passw0rd");
        await ProblemAssert.IsProblemAsync(fifth, HttpStatusCode.Unauthorized, "auth.locked_out");

        await ProblemAssert.IsProblemAsync(await _client.LoginAsync(user.UserName, "Wrong-Passw0rd"), HttpStatusCode.Unauthorized, "auth.locked_out");
        var right = await _client.SignInAsync(user);
        var problem = await ProblemAssert.IsProblemAsync(right, HttpStatusCode.Unauthorized, "auth.locked_out");
        Assert.Contains($"{AuthSetup.LockoutMinutes} minutes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_AfterFourWrongPasswordsThenTheRightOne_SucceedsAndCountsAfreshAfterwards()
    {
        var user = await app.CreateUserAsync(Role.Dispatcher);

        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt < AuthSetup.MaxFailedSignIns; attempt++)
                await ProblemAssert.IsProblemAsync(await _client.LoginAsync(user.UserName, "Wrong-Passw0rd"), HttpStatusCode.Unauthorized, "auth.failed");
            Assert.Equal(HttpStatusCode.OK, (await _client.SignInAsync(user)).StatusCode);
        }
    }

    [Fact]
    public async Task Login_WhenUnenrolledCommanderFailsFiveTimes_AnswersLockedOutNotEnrolmentRequired()
    {
        var user = await app.CreateUserAsync(Role.DutyCommander);

        for (var attempt = 1; attempt < AuthSetup.MaxFailedSignIns; attempt++)
            await ProblemAssert.IsProblemAsync(await _client.LoginAsync(user.UserName, "Wrong-Passw0rd"), HttpStatusCode.Unauthorized, "auth.failed");
        await ProblemAssert.IsProblemAsync(await _client.LoginAsync(user.UserName, "Wrong-Passw0rd"), HttpStatusCode.Unauthorized, "auth.locked_out");

        await ProblemAssert.IsProblemAsync(await _client.SignInAsync(user), HttpStatusCode.Unauthorized, "auth.locked_out");
    }

    [Fact]
    public async Task Login_AfterFiveWrongTotpCodes_AnswersLockedOutEvenForTheRightCode()
    {
        var user = await app.CreateUserAsync(Role.Admin, enrolTotp: true);

        for (var attempt = 1; attempt < AuthSetup.MaxFailedSignIns; attempt++)
            await ProblemAssert.IsProblemAsync(await _client.SignInAsync(user, TotpCode.Wrong(user.TotpKey!)), HttpStatusCode.Unauthorized, "auth.failed");
        await ProblemAssert.IsProblemAsync(await _client.SignInAsync(user, TotpCode.Wrong(user.TotpKey!)), HttpStatusCode.Unauthorized, "auth.locked_out");

        await ProblemAssert.IsProblemAsync(await _client.SignInAsync(user, TotpCode.Now(user.TotpKey!)), HttpStatusCode.Unauthorized, "auth.locked_out");
    }

    [Fact]
    public async Task Login_WhenLockedOut_DoesNotLockOutOtherUsers()
    {
        var locked = await app.CreateUserAsync(Role.Dispatcher);
        var other = await app.CreateUserAsync(Role.Dispatcher);

        for (var attempt = 0; attempt < AuthSetup.MaxFailedSignIns; attempt++)
            await _client.LoginAsync(locked.UserName, "Wrong-Passw0rd");

        await ProblemAssert.IsProblemAsync(await _client.SignInAsync(locked), HttpStatusCode.Unauthorized, "auth.locked_out");
        Assert.Equal(HttpStatusCode.OK, (await _client.SignInAsync(other)).StatusCode);
    }
}
