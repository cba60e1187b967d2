using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

/// <summary>
/// The caller's home travels in their token or cookie as claims, so deciding what they may see
/// needs no extra read. A home change takes effect at the next sign-in or refresh.
/// </summary>
public sealed class PlatformClaims(UserManager<PlatformUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string HomeCenter = "zhifa:home_center";
    public const string HomeDepartment = "zhifa:home_department";
    /// <summary>One claim per grid a grid worker patrols.</summary>
    public const string Grid = "zhifa:grid";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.HomeCenterCode is { } center)
            identity.AddClaim(new Claim(HomeCenter, center));
        if (user.HomeDepartmentCode is { } department)
            identity.AddClaim(new Claim(HomeDepartment, department));
        foreach (var grid in user.GridCodes)
            identity.AddClaim(new Claim(Grid, grid));
        return identity;
    }
}
