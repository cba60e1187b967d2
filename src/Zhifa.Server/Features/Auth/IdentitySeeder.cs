using Microsoft.AspNetCore.Identity;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

/// <summary>The roles, always; the demo users, in Development only.</summary>
internal sealed class IdentitySeeder(
    RoleManager<IdentityRole<Guid>> roles,
    UserManager<PlatformUser> users,
    IConfiguration configuration,
    ILogger<IdentitySeeder> logger)
{
    public const string DefaultDemoPassword = "Zhifa-Demo-2026";
    // 20 random bytes in base32: any authenticator app accepts it.
    public const string DefaultDemoTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public async Task EnsureRolesAsync()
    {
        foreach (var name in PlatformRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
                Check(await roles.CreateAsync(new IdentityRole<Guid>(name) { Id = Guid.CreateVersion7() }), name);
        }
    }

    public async Task SeedDemoUsersAsync()
    {
        var password = configuration["Seed:DemoPassword"] ?? DefaultDemoPassword;
        var totpSecret = configuration["Seed:DemoTotpSecret"] ?? DefaultDemoTotpSecret;
        var added = 0;
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
                continue;
            var user = new PlatformUser
            {
                Id = Guid.CreateVersion7(),
                UserName = demo.UserName,
                DisplayName = demo.DisplayName,
                HomeCenterCode = demo.CenterCode,
                HomeDepartmentCode = demo.DepartmentCode,
            };
            Check(await users.CreateAsync(user, password), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role.ToString()), demo.UserName);
            if (PlatformRoles.RequireTwoFactor.Contains(demo.Role.ToString()))
                await EnrolTotpAsync(user, totpSecret);
            added++;
        }
        logger.LogInformation(
            "Demo users ({Count} new): dispatcher.nanxun, officer.nanxun.nync, grid.hefu, commander.city, admin and others; password {Password}; TOTP secret for admin and commanders {Secret}",
            added, password, totpSecret);
    }

    /// <summary>Sets a known TOTP key and turns two-factor sign-in on.</summary>
    public async Task EnrolTotpAsync(PlatformUser user, string base32Secret)
    {
        Check(await Totp.SetKeyAsync(users, user, base32Secret), user.UserName!);
        Check(await users.SetTwoFactorEnabledAsync(user, true), user.UserName!);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"{what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
