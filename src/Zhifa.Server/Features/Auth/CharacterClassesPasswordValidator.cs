using Microsoft.AspNetCore.Identity;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

/// <summary>
/// The password policy's "three character classes": at least three of lower case, upper case,
/// digits and others. Identity's own switches can only demand each class, not three of four.
/// </summary>
internal sealed class CharacterClassesPasswordValidator : IPasswordValidator<PlatformUser>
{
    public const int RequiredClasses = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        password ??= "";
        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }
            .Count(present => present);
        return Task.FromResult(classes >= RequiredClasses
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCharacterClasses",
                Description = $"A password needs at least {RequiredClasses} of: lower case, upper case, digits, other characters.",
            }));
    }
}
