using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Users;

/// <summary>
/// Users made and changed by an admin, through Identity so its rules (password policy, unique names,
/// security stamps) hold. Every change to what a person may do changes their security stamp, so
/// their sessions end at once (decision 0008) and the next sign-in carries the new post.
/// </summary>
internal sealed class UserAdministration(UserManager<PlatformUser> users, IdentitySeeder seeder, ZhifaDbContext db, TimeProvider time)
{
    public async Task<List<UserView>> ViewsAsync(IReadOnlyList<PlatformUser> page, CancellationToken ct)
    {
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return [.. page.Select(u => UserView.From(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!), now))];
    }

    public async Task<UserView> ViewAsync(PlatformUser user) => UserView.From(user, await users.GetRolesAsync(user), time.GetUtcNow());

    /// <summary>Every refusal of the password policy, for the <c>password</c> field; none when it passes.</summary>
    public Task<List<string>> PasswordRefusalsAsync(string userName, string password) => PasswordPolicy.RefusalsAsync(users, userName, password);

    /// <summary>
    /// The new user and, when a role of theirs signs in only with TOTP, the key they were enrolled with.
    /// One transaction: a user whose roles or key failed to save would otherwise stay half-made.
    /// </summary>
    public async Task<CreateOutcome> CreateAsync(string userName, string password, CheckedPost post, CancellationToken ct)
    {
        var key = NeedsTwoFactor(post.Roles) ? users.GenerateNewAuthenticatorKey() : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var user = await seeder.CreateUserAsync(userName, post.DisplayName, post.Roles, password, key, post.CenterCode, post.DepartmentCode, post.GridCodes);
            await transaction.CommitAsync(ct);
            return new CreateOutcome.Created(Saved(await ViewAsync(user), user, key));
        }
        catch (UserCreationException refused)
        {
            await RollBackAsync(transaction);
            // Identity's own check saw the other admin's user (SQLite serialises the two transactions).
            if (refused.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                return new CreateOutcome.NameTaken();
            return new CreateOutcome.Refused(string.Join(" ", refused.Errors.Select(e => e.Description)));
        }
        catch (DbUpdateException)
        {
            await RollBackAsync(transaction);
            // Both passed the check and the unique index on the normalised name refused the second insert.
            // Asking again is exact on either provider, where the exception's shape is not.
            if (await users.FindByNameAsync(userName) is not null)
                return new CreateOutcome.NameTaken();
            return new CreateOutcome.Refused("What the user refers to changed while they were being made; load it again and retry.");
        }
    }

    /// <summary>Nothing of a failed write stays: neither in the database nor tracked for the next save in this request.</summary>
    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    /// <summary>Sets the post and home, or null when the account changed meanwhile; ends the person's sessions when what they may do changed.</summary>
    public async Task<SavedUser?> UpdateAsync(PlatformUser user, CheckedPost post, CancellationToken ct)
    {
        var before = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var after = post.Roles.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var changed = !before.SetEquals(after) || user.HomeCenterCode != post.CenterCode || user.HomeDepartmentCode != post.DepartmentCode
            || !user.GridCodes.SequenceEqual(post.GridCodes);
        var key = NeedsTwoFactor(post.Roles) && !user.TwoFactorEnabled ? users.GenerateNewAuthenticatorKey() : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = post.DisplayName;
        user.HomeCenterCode = post.CenterCode;
        user.HomeDepartmentCode = post.DepartmentCode;
        user.GridCodes = post.GridCodes;
        var results = new List<IdentityResult> { await users.UpdateAsync(user) };
        if (results[0].Succeeded)
        {
            results.Add(await users.RemoveFromRolesAsync(user, before.Except(after)));
            results.Add(await users.AddToRolesAsync(user, after.Except(before)));
            if (key is not null)
            {
                results.Add(await Totp.SetKeyAsync(users, user, key));
                results.Add(await users.SetTwoFactorEnabledAsync(user, true));
            }
            if (changed)
                results.Add(await users.UpdateSecurityStampAsync(user));
        }
        if (results.Any(r => !r.Succeeded))
            return null;
        await transaction.CommitAsync(ct);
        return Saved(await ViewAsync(user), user, key);
    }

    /// <summary>Locked for good, until an admin unlocks; every session ends now.</summary>
    public Task<bool> LockAsync(PlatformUser user, CancellationToken ct) => AllOrNothingAsync(ct,
        () => users.SetLockoutEnabledAsync(user, true), () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
        () => users.UpdateSecurityStampAsync(user));

    /// <summary>Lifts a lock, the admin's or one earned by failed sign-ins, and counts failures afresh.</summary>
    public Task<bool> UnlockAsync(PlatformUser user, CancellationToken ct) => AllOrNothingAsync(ct,
        () => users.SetLockoutEndDateAsync(user, null), () => users.ResetAccessFailedCountAsync(user));

    /// <summary>A demo user still opening with a published demo password, which an unlock in Production would bring back.</summary>
    public bool OpensWithDemoPassword(PlatformUser user) => seeder.OpensWithDemoPassword(user);

    /// <summary>A new password set by an admin; Identity changes the stamp, so the person's sessions end.</summary>
    public async Task<bool> ResetPasswordAsync(PlatformUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return (await users.ResetPasswordAsync(user, token, password)).Succeeded;
    }

    private static bool NeedsTwoFactor(IEnumerable<Role> roles) => roles.Any(r => PlatformRoles.RequireTwoFactor.Contains(r.ToString()));

    /// <summary>
    /// Identity saves each step on its own; in one transaction, stopping at the first refusal, a lock
    /// never lands without its new stamp (sessions left alive) nor half an unlock.
    /// </summary>
    private async Task<bool> AllOrNothingAsync(CancellationToken ct, params Func<Task<IdentityResult>>[] steps)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in steps)
        {
            if (!(await step()).Succeeded)
            {
                await RollBackAsync(transaction);
                return false;
            }
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private static SavedUser Saved(UserView view, PlatformUser user, string? key) =>
        new(view, key, key is null ? null : Totp.AuthenticatorUri(user.UserName!, key));
}

/// <summary>What making a user came to: made, refused because the name is taken, or refused by Identity for another reason.</summary>
internal abstract record CreateOutcome
{
    public sealed record Created(SavedUser Saved) : CreateOutcome;

    public sealed record NameTaken : CreateOutcome;

    public sealed record Refused(string Detail) : CreateOutcome;
}
