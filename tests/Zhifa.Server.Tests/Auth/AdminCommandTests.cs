using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The first admin of a production installation, as the create-admin command makes it.</summary>
[Collection(ApiCollection.Name)]
public sealed class AdminCommandTests(ZhifaApp app)
{
    [Fact]
    public async Task CreateAdmin_WhenPasswordMeetsThePolicy_MakesAnEnrolledAdmin()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var name = $"ops.{Guid.NewGuid():N}"[..16];

        var (errors, key) = await AdminCommand.CreateAsync(scope.ServiceProvider.GetRequiredService<IdentitySeeder>(), users, name, "Strong-Pass-2026", "330500-ZHZX");

        Assert.Empty(errors);
        Assert.False(string.IsNullOrEmpty(key));
        var admin = await users.FindByNameAsync(name);
        Assert.NotNull(admin);
        Assert.True(admin.TwoFactorEnabled);
        Assert.Equal(["Admin"], await users.GetRolesAsync(admin));
        Assert.Equal(key, await users.GetAuthenticatorKeyAsync(admin));
    }

    [Fact]
    public async Task CreateAdmin_WhenPasswordIsWeak_MakesNobody()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var name = $"ops.{Guid.NewGuid():N}"[..16];

        var (errors, key) = await AdminCommand.CreateAsync(scope.ServiceProvider.GetRequiredService<IdentitySeeder>(), users, name, "short", "330500-ZHZX");

        Assert.NotEmpty(errors);
        Assert.Null(key);
        Assert.Null(await users.FindByNameAsync(name));
    }
}
