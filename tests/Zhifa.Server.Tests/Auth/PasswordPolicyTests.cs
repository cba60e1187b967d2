using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The password policy: at least 10 characters and 3 of the 4 character classes.</summary>
[Collection(ApiCollection.Name)]
public sealed class PasswordPolicyTests(ZhifaApp app)
{
    [Theory]
    [InlineData("Abcdef12!")]
    [InlineData("Ab1!")]
    [InlineData("")]
    public async Task Create_WhenPasswordShorterThanTen_FailsTooShort(string password)
    {
        var errors = await CreateAsync(password);

        Assert.Contains(nameof(IdentityErrorDescriber.PasswordTooShort), errors);
    }

    [Theory]
    [InlineData("abcdefghij")]
    [InlineData("abcdefgh12")]
    [InlineData("abcdeFGHIJ")]
    [InlineData("ABCDEFGH12")]
    [InlineData("abcd-efgh-")]
    [InlineData("1234-5678-")]
    [InlineData("执法平台执法平台12ab")]
    public async Task Create_WhenPasswordHasOnlyTwoCharacterClasses_FailsCharacterClasses(string password)
    {
        var errors = await CreateAsync(password);

        Assert.Equal(["PasswordCharacterClasses"], errors);
    }

    [Theory]
    [InlineData("Abcdefgh12")]
    [InlineData("abcdefgh1!")]
    [InlineData("ABCDEFGH1!")]
    [InlineData("Abcdefghi!")]
    [InlineData(AuthApi.DemoPassword)]
    public async Task Create_WhenPasswordHasTenCharactersAndThreeClasses_Succeeds(string password)
    {
        var errors = await CreateAsync(password);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ChangePassword_WhenNewPasswordBreaksPolicy_FailsAndKeepsTheOldOne()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = AuthApi.NewUser(Role.Dispatcher);
        Assert.True((await users.CreateAsync(user, AuthApi.TestPassword)).Succeeded);

        var changed = await users.ChangePasswordAsync(user, AuthApi.TestPassword, "short");

        Assert.False(changed.Succeeded);
        Assert.True(await users.CheckPasswordAsync(user, AuthApi.TestPassword));
    }

    /// <summary>Creates a user with <paramref name="password"/> through UserManager and answers the error codes.</summary>
    private async Task<IReadOnlyList<string>> CreateAsync(string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = AuthApi.NewUser(Role.Dispatcher);

        var result = await users.CreateAsync(user, password);

        var stored = await users.FindByNameAsync(user.UserName!);
        Assert.Equal(result.Succeeded, stored is not null);
        return result.Errors.Select(e => e.Code).ToList();
    }
}
