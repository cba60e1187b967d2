using Microsoft.AspNetCore.Identity;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

internal static class PasswordPolicy
{
    /// <summary>
    /// Every refusal of the password validators, checked before a user is made or changed, so a
    /// refused password leaves no half-made user behind and its errors can name the field.
    /// </summary>
    public static async Task<List<string>> RefusalsAsync(UserManager<PlatformUser> users, string userName, string password)
    {
        var probe = new PlatformUser { UserName = userName };
        var refusals = new List<string>();
        foreach (var validator in users.PasswordValidators)
            refusals.AddRange((await validator.ValidateAsync(users, probe, password)).Errors.Select(e => e.Description));
        return refusals;
    }
}
