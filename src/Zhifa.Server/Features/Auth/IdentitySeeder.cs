using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Zhifa.Core.Organization;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

/// <summary>The roles, always; the demo users, in Development only; and the one way users are made with a role.</summary>
internal sealed partial class IdentitySeeder(
    RoleManager<IdentityRole<Guid>> roles,
    UserManager<PlatformUser> users,
    IConfiguration configuration,
    ILogger<IdentitySeeder> logger)
{
    public const string DefaultDemoPassword = "Zhifa-Demo-2026";
    // The well-known example key of authenticator apps' documentation: fine for a demo, never for real users.
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
        if (!Base32().IsMatch(totpSecret))
            throw new InvalidOperationException("Seed:DemoTotpSecret must be base32 (A–Z, 2–7), at least 16 characters.");
        var added = 0;
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
                continue;
            var totp = PlatformRoles.RequireTwoFactor.Contains(demo.Role.ToString()) ? totpSecret : null;
            await CreateUserAsync(demo.UserName, demo.DisplayName, demo.Role, password, totp, demo.CenterCode, demo.DepartmentCode, demo.GridCodes);
            added++;
        }
        // Print the defaults so a demo can start at once; values set in configuration stay out of the log.
        logger.LogInformation("Demo users ready ({Added} new): dispatcher.nanxun, officer.nanxun.nync, grid.hefu, commander.city, admin and others", added);
        if (configuration["Seed:DemoPassword"] is null)
            logger.LogInformation("Demo password (default, set Seed:DemoPassword to change): {Password}", password);
        if (configuration["Seed:DemoTotpSecret"] is null)
            logger.LogInformation("Demo TOTP secret for admin and commanders (default, set Seed:DemoTotpSecret to change): {Secret}", totpSecret);
    }

    /// <summary>Locks every demo user for good and ends their sessions: their password is published.</summary>
    public async Task DisableDemoUsersAsync()
    {
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not { } user || user.LockoutEnd == DateTimeOffset.MaxValue)
                continue;
            Check(await users.SetLockoutEnabledAsync(user, true), demo.UserName);
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), demo.UserName);
            Check(await users.UpdateSecurityStampAsync(user), demo.UserName);
            logger.LogWarning("Locked demo user {UserName}: its password is published and must not work in production", demo.UserName);
        }
    }

    /// <summary>A user with one role and a home; with <paramref name="totpKey"/>, enrolled in two-factor sign-in.</summary>
    public Task<PlatformUser> CreateUserAsync(string userName, string displayName, Role role, string password,
        string? totpKey, string? centerCode = null, string? departmentCode = null, IReadOnlyList<string>? gridCodes = null) =>
        CreateUserAsync(userName, displayName, [role], password, totpKey, centerCode, departmentCode, gridCodes);

    /// <summary>A user with their roles and a home; with <paramref name="totpKey"/>, enrolled in two-factor sign-in.</summary>
    public async Task<PlatformUser> CreateUserAsync(string userName, string displayName, IReadOnlyList<Role> roles, string password,
        string? totpKey, string? centerCode = null, string? departmentCode = null, IReadOnlyList<string>? gridCodes = null)
    {
        var user = new PlatformUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName,
            HomeCenterCode = centerCode,
            HomeDepartmentCode = departmentCode,
            GridCodes = gridCodes ?? [],
        };
        Check(await users.CreateAsync(user, password), userName);
        Check(await users.AddToRolesAsync(user, roles.Select(r => r.ToString())), userName);
        if (totpKey is not null)
        {
            Check(await Totp.SetKeyAsync(users, user, totpKey), userName);
            Check(await users.SetTwoFactorEnabledAsync(user, true), userName);
        }
        return user;
    }

    /// <summary>
    /// A demo user whose password is still a published demo one (the configured or the default), so
    /// unlocking them in Production would open the platform to anyone who read the docs. The hasher
    /// alone is asked: CheckPasswordAsync could rehash and save.
    /// </summary>
    public bool OpensWithDemoPassword(PlatformUser user) =>
        DemoUsers.All.Any(d => string.Equals(d.UserName, user.UserName, StringComparison.OrdinalIgnoreCase))
        && user.PasswordHash is { } hash
        && new[] { configuration["Seed:DemoPassword"], DefaultDemoPassword }.OfType<string>()
            .Any(p => users.PasswordHasher.VerifyHashedPassword(user, hash, p) != PasswordVerificationResult.Failed);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new UserCreationException($"{what}: {string.Join("; ", result.Errors.Select(e => e.Description))}", [.. result.Errors]);
    }

    [GeneratedRegex("^[A-Z2-7]{16,}=*$")]
    private static partial Regex Base32();
}

/// <summary>Identity refused to make or set up a user; the message lists why, and <see cref="Errors"/> carries Identity's codes.</summary>
internal sealed class UserCreationException(string message, IReadOnlyList<IdentityError> errors) : Exception(message)
{
    public IReadOnlyList<IdentityError> Errors { get; } = errors;
}
