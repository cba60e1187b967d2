using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Users;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Users;

/// <summary>
/// In Production the demo users are locked because their password is published: an admin unlocks
/// one only after giving it a new password, or the unlock would bring the published one back.
/// </summary>
public sealed class DemoAccountTests
{
    private const string Demo = "dispatcher.nanxun";
    private const string NewPassword = "Fresh-Passw0rd-2026";

    [Fact]
    public async Task Unlock_OfADemoUserInProduction_IsRefusedUntilItsPasswordIsReset()
    {
        await using var database = await TestDatabase.CreateAsync();
        var adminName = $"u.prod.admin.{Guid.NewGuid().ToString("N")[..8]}";
        await using (var development = Started(database, "Development"))
        {
            // Development seeds the demo users; a real admin is made beside them to act in Production.
            await using var scope = development.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>()
                .CreateUserAsync(adminName, "生产管理员", Role.Admin, AuthApi.TestPassword, AuthApi.DemoTotpKey, "330500-ZHZX");
        }
        await using var production = Started(database, "Production");
        var admin = production.CreateClient();
        var token = await admin.SignInAsync(adminName, AuthApi.TestPassword, TotpCode.Now(AuthApi.DemoTotpKey));
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        await ProblemAssert.IsProblemAsync(await admin.PostJsonAsync($"{UsersApi.Root}/{Demo}/unlock", new { }), HttpStatusCode.Conflict, "users.demo_account");
        await ProblemAssert.IsProblemAsync(await production.CreateClient().LoginAsync(Demo, AuthApi.DemoPassword), HttpStatusCode.Unauthorized, "auth.locked_out");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJsonAsync($"{UsersApi.Root}/{Demo}/password", new { password = NewPassword })).StatusCode);
        var unlocked = await (await admin.PostJsonAsync($"{UsersApi.Root}/{Demo}/unlock", new { })).ReadAsync<UserView>();

        Assert.False(unlocked.LockedOut);
        await ProblemAssert.IsProblemAsync(await production.CreateClient().LoginAsync(Demo, AuthApi.DemoPassword), HttpStatusCode.Unauthorized, "auth.failed");
        Assert.Equal(HttpStatusCode.OK, (await production.CreateClient().LoginAsync(Demo, NewPassword)).StatusCode);
    }

    private static WebApplicationFactory<Program> Started(TestDatabase database, string environment) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            ZhifaApp.Configure(builder, database, TimeProvider.System);
            builder.UseEnvironment(environment);
        });
}
