using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;

namespace Zhifa.Server.Features.Users;

/// <summary>
/// User administration: the admin makes people, sets their post and home, locks and unlocks them and
/// resets their password. The audit trail records each write under the admin's name, with the user
/// as its target and never a password.
/// </summary>
public static class UserEndpoints
{
    public const int MaxPageSize = 200;
    private const int MaxPasswordLength = 256;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/", ListAsync).WithSummary("People, by role or by a piece of their name, a page at a time");
        group.MapGet("/{userName}", async Task<Results<Ok<UserView>, ProblemHttpResult>> (string userName, UserManager<PlatformUser> users, UserAdministration admin) =>
            await users.FindByNameAsync(userName) is { } user ? TypedResults.Ok(await admin.ViewAsync(user)) : NotFound(userName))
            .WithSummary("One person's post, home and sign-in state");
        group.MapPost("/", CreateAsync).WithSummary("Make a user; a role that signs in with TOTP is enrolled and its key shown once");
        group.MapPut("/{userName}", UpdateAsync).WithSummary("Set a user's post and home; their sessions end when what they may do changed");
        group.MapPost("/{userName}/lock", LockAsync).WithSummary("Lock a user out until unlocked; their sessions end at once");
        group.MapPost("/{userName}/unlock", UnlockAsync).WithSummary("Lift a lock, set by an admin or earned by failed sign-ins");
        group.MapPost("/{userName}/password", ResetPasswordAsync).WithSummary("Set a new password; the user's sessions end at once");
        return app;
    }

    private static async Task<Results<Ok<PagedList<UserView>>, ValidationProblem>> ListAsync(
        string? role, string? q, int? page, int? pageSize, ZhifaDbContext db, UserAdministration admin, CancellationToken ct)
    {
        var errors = new FieldErrors();
        role = string.IsNullOrEmpty(role) ? null : role;
        errors.Paging(page, pageSize, MaxPageSize);
        errors.MaxLength("q", q, 100);
        if (role is not null && !PlatformRoles.All.Contains(role))
            errors.Add("role", $"Unknown role '{role}'; roles are: {string.Join(", ", PlatformRoles.All)}.");
        if (errors.Any)
            return errors.ToProblem();
        var query = db.Users.AsNoTracking();
        if (role is not null)
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var upper = text.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(text));
        }
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.UserName).PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<UserView>(await admin.ViewsAsync(items, ct), total, number, size));
    }

    private static async Task<Results<Created<SavedUser>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewUserRequest body, UserRules rules, UserAdministration admin, UserManager<PlatformUser> users, HttpContext http, CancellationToken ct)
    {
        // First, so a refused attempt is recorded against the name it tried.
        http.Audit().Target = body.UserName;
        var errors = new FieldErrors();
        UserRules.UserName(errors, body.UserName);
        var post = await rules.PostAsync(errors, body.DisplayName, body.Roles, body.CenterCode, body.DepartmentCode, body.GridCodes, ct);
        if (errors.Required("password", body.Password, MaxPasswordLength) && body.UserName is { } name)
            foreach (var refusal in await admin.PasswordRefusalsAsync(name, body.Password!))
                errors.Add("password", refusal);
        if (errors.Any || post is null)
            return errors.ToProblem();
        var userName = body.UserName!;
        var outcome = await users.FindByNameAsync(userName) is null ? await admin.CreateAsync(userName, body.Password!, post, ct) : new CreateOutcome.NameTaken();
        switch (outcome)
        {
            case CreateOutcome.Created created:
                http.Audit().Summary = $"user made: {string.Join(", ", post.Roles)}";
                return TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(userName)}", created.Saved);
            case CreateOutcome.Refused refused:
                return Problems.Conflict("users.not_created", refused.Detail);
            default:
                return Problems.Conflict("users.user_name_taken", $"A user named '{userName}' already exists.");
        }
    }

    private static async Task<Results<Ok<SavedUser>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string userName, UserUpdate body, UserRules rules, UserAdministration admin, UserManager<PlatformUser> users, HttpContext http, CancellationToken ct)
    {
        http.Audit().Target = userName;
        if (await users.FindByNameAsync(userName) is not { } user)
            return NotFound(userName);
        var errors = new FieldErrors();
        var post = await rules.PostAsync(errors, body.DisplayName, body.Roles, body.CenterCode, body.DepartmentCode, body.GridCodes, ct);
        if (errors.Any || post is null)
            return errors.ToProblem();
        // An admin who demoted themself could leave the platform with no one to manage it.
        if (IsCaller(http, users, user) && !post.Roles.Contains(Role.Admin))
            return Problems.Conflict("users.own_admin_role", "You cannot take the Admin role from yourself; another admin can.");
        if (await admin.UpdateAsync(user, post, ct) is not { } saved)
            return ChangedMeanwhile();
        http.Audit().Summary = $"post set: {string.Join(", ", post.Roles)}; home {post.CenterCode ?? post.DepartmentCode ?? "none"}";
        return TypedResults.Ok(saved);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> LockAsync(
        string userName, UserAdministration admin, UserManager<PlatformUser> users, HttpContext http, CancellationToken ct)
    {
        http.Audit().Target = userName;
        if (await users.FindByNameAsync(userName) is not { } user)
            return NotFound(userName);
        // Locking oneself ends one's own session at once, with no way back in.
        if (IsCaller(http, users, user))
            return Problems.Conflict("users.lock_self", "You cannot lock your own account; another admin can.");
        if (!await admin.LockAsync(user, ct))
            return ChangedMeanwhile();
        http.Audit().Summary = "locked";
        return TypedResults.Ok(await admin.ViewAsync(user));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> UnlockAsync(
        string userName, UserAdministration admin, UserManager<PlatformUser> users, IHostEnvironment environment, HttpContext http, CancellationToken ct)
    {
        http.Audit().Target = userName;
        if (await users.FindByNameAsync(userName) is not { } user)
            return NotFound(userName);
        // Production locks the demo users at start because their password is published; unlocking one
        // as it is would open the platform to anyone who read it. A new password makes it safe.
        if (environment.IsProduction() && admin.OpensWithDemoPassword(user))
            return Problems.Conflict("users.demo_account",
                $"'{userName}' is a demo account whose password is published; reset its password first, then unlock it.");
        if (!await admin.UnlockAsync(user, ct))
            return ChangedMeanwhile();
        http.Audit().Summary = "unlocked";
        return TypedResults.Ok(await admin.ViewAsync(user));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        string userName, PasswordReset body, UserAdministration admin, UserManager<PlatformUser> users, HttpContext http)
    {
        http.Audit().Target = userName;
        var errors = new FieldErrors();
        if (errors.Required("password", body.Password, MaxPasswordLength))
            foreach (var refusal in await admin.PasswordRefusalsAsync(userName, body.Password!))
                errors.Add("password", refusal);
        if (await users.FindByNameAsync(userName) is not { } user)
            return NotFound(userName);
        if (errors.Any)
            return errors.ToProblem();
        if (!await admin.ResetPasswordAsync(user, body.Password!))
            return ChangedMeanwhile();
        http.Audit().Summary = "password reset by an admin";
        return TypedResults.NoContent();
    }

    private static bool IsCaller(HttpContext http, UserManager<PlatformUser> users, PlatformUser user) =>
        users.GetUserId(http.User) == user.Id.ToString();

    private static ProblemHttpResult NotFound(string userName) => Problems.NotFound("users.not_found", $"No user is named '{userName}'.");

    private static ProblemHttpResult ChangedMeanwhile() =>
        Problems.Conflict("users.concurrent_update", "The account changed meanwhile; load it again and retry.");
}
