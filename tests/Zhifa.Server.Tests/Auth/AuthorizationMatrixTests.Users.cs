using System.Net;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Tests.Auth;

/// <summary>User administration: the admin's alone. People are not scoped, so in and out of scope answer alike.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private Task<string>? _managedUser;

    private void AddUsersRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        Caller[] admin = [Caller.Admin];
        rules["GET /api/v1/users"] = new(admin, (c, _) => Send(c, HttpMethod.Get, "/api/v1/users?pageSize=5"), ok, ok);
        rules["GET /api/v1/users/{userName}"] = new(admin, async (c, _) => await Send(c, HttpMethod.Get, $"/api/v1/users/{await ManagedUserAsync()}"), ok, ok);
        rules["POST /api/v1/users"] = new(admin, (c, _) => Post(c, "/api/v1/users", new
        {
            userName = $"matrix.{Guid.NewGuid().ToString("N")[..10]}", displayName = "矩阵测试", roles = new[] { "Analyst" },
            password = AuthApi.TestPassword, centerCode = "330503-ZHZX",
        }), Always(HttpStatusCode.Created), Always(HttpStatusCode.Created));
        rules["PUT /api/v1/users/{userName}"] = new(admin, async (c, _) => await SendJson(c, HttpMethod.Put, $"/api/v1/users/{await ManagedUserAsync()}",
            new { displayName = "矩阵测试", roles = new[] { "Analyst" }, centerCode = "330503-ZHZX" }), ok, ok);
        // Lock before unlock, so the user the rules share ends the run unlocked.
        rules["POST /api/v1/users/{userName}/lock"] = new(admin, async (c, _) => await Post(c, $"/api/v1/users/{await ManagedUserAsync()}/lock", new { }), ok, ok, Order: 1);
        rules["POST /api/v1/users/{userName}/unlock"] = new(admin, async (c, _) => await Post(c, $"/api/v1/users/{await ManagedUserAsync()}/unlock", new { }), ok, ok, Order: 2);
        rules["POST /api/v1/users/{userName}/password"] = new(admin, async (c, _) =>
            await Post(c, $"/api/v1/users/{await ManagedUserAsync()}/password", new { password = AuthApi.TestPassword }), Always(HttpStatusCode.NoContent), Always(HttpStatusCode.NoContent));
    }

    /// <summary>An analyst the user rules read, change, lock and unlock: none of the matrix's own callers.</summary>
    private Task<string> ManagedUserAsync() => _managedUser ??= app.Cast.MakeAsync(Role.Analyst, "330503-ZHZX");
}
