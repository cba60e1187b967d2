using Microsoft.AspNetCore.Identity;
using Zhifa.Core.Organization;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

/// <summary>
/// <c>dotnet run --project src/Zhifa.Server -- create-admin --user NAME --password PASSWORD</c>:
/// the first administrator of a production installation, where no default user exists. It migrates
/// the database first, enrols TOTP (admins sign in only with it) and prints the key for the app.
/// </summary>
internal static class AdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var user = Option(args, "--user");
        var password = Option(args, "--password");
        if (user is null || password is null)
        {
            Console.Error.WriteLine($"usage: {Name} --user NAME --password PASSWORD [--center CODE]");
            return 2;
        }
        await Data.StartupInitializer.RunOnceAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        var (errors, key) = await CreateAsync(
            scope.ServiceProvider.GetRequiredService<IdentitySeeder>(),
            scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>(),
            user, password, Option(args, "--center") ?? CommandCenter.CodeFor("330500"));
        if (key is null)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, errors));
            return 1;
        }
        Console.WriteLine($"Created admin '{user}'. Load this TOTP key into an authenticator app; sign-in needs its code.");
        Console.WriteLine($"key: {key}");
        Console.WriteLine($"uri: {Totp.AuthenticatorUri(user, key)}");
        return 0;
    }

    /// <summary>An Admin with a fresh TOTP key, enrolled; answers the key, or why the user could not be made.</summary>
    public static async Task<(IReadOnlyList<string> Errors, string? TotpKey)> CreateAsync(
        IdentitySeeder identity, UserManager<PlatformUser> users, string userName, string password, string centerCode)
    {
        var refusals = await PasswordPolicy.RefusalsAsync(users, userName, password);
        if (refusals.Count > 0)
            return (refusals, null);
        var key = users.GenerateNewAuthenticatorKey();
        try
        {
            await identity.CreateUserAsync(userName, "系统管理员", Role.Admin, password, key, centerCode);
            return ([], key);
        }
        catch (UserCreationException refused)
        {
            return ([refused.Message], null);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
