using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>Attacks on sign-in that the plain flow tests do not make.</summary>
[Collection(ApiCollection.Name)]
public sealed class SignInHardeningTests(ZhifaApp app)
{
    private const string Password = "Harden-Pass-2026";

    [Fact]
    public async Task Login_WhenGuessesArriveInParallel_StillLocksAfterFive()
    {
        var name = await NewUserAsync(Role.Dispatcher);
        var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = "wrong-guess-123" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = Password });
        await ProblemAssert.IsProblemAsync(right, HttpStatusCode.Unauthorized, "auth.locked_out");
    }

    [Fact]
    public async Task Refresh_WhenTheAccountIsLocked_IsRefused()
    {
        var name = await NewUserAsync(Role.Dispatcher);
        var client = app.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = Password }))
            .ReadAsync<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync(name))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });

        await ProblemAssert.IsProblemAsync(refreshed, HttpStatusCode.Unauthorized, "auth.refresh_invalid");
    }

    [Fact]
    public async Task AuthenticatorKey_WhenTwoFactorIsOn_IsNotShownAgain()
    {
        var client = app.CreateClient();
        var code = TotpCode.Now(IdentitySeeder.DefaultDemoTotpSecret);
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
                new { userName = "commander.nanxun", password = IdentitySeeder.DefaultDemoPassword, twoFactorCode = code }))
            .ReadAsync<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/2fa/key");
        request.Headers.Authorization = new("Bearer", tokens.AccessToken);

        var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "auth.two_factor_already_enabled");
    }

    private async Task<string> NewUserAsync(Role role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var name = $"harden.{Guid.NewGuid():N}"[..20];
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().CreateUserAsync(name, "测试用户", role, Password, null, centerCode: "330503-ZHZX");
        return name;
    }
}
