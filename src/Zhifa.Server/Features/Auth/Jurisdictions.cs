using System.Collections.Concurrent;
using System.Security.Claims;
using Zhifa.Core.Access;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Auth;

/// <summary>
/// Turns a caller's roles and home into their <see cref="Jurisdiction"/>. A centre's region subtree
/// (its county or township, and the centres below it) is worked out once per centre and kept.
/// </summary>
public sealed class Jurisdictions(ReferenceData reference)
{
    private readonly ConcurrentDictionary<string, Jurisdiction> _centers = new();

    public Jurisdiction For(ClaimsPrincipal user)
    {
        var roles = user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null)
            .OfType<Role>();
        var userId = Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : (Guid?)null;
        return For(roles, user.FindFirst(PlatformClaims.HomeCenter)?.Value, user.FindFirst(PlatformClaims.HomeDepartment)?.Value,
            userId, user.FindAll(PlatformClaims.Grid).Select(c => c.Value));
    }

    public Jurisdiction For(IEnumerable<Role> roles, string? centerCode, string? departmentCode, Guid? userId, IEnumerable<string> gridCodes)
    {
        var region = centerCode is null ? Jurisdiction.None : _centers.GetOrAdd(centerCode, Subtree);
        return region with
        {
            Roles = roles.ToHashSet(),
            HomeCenterCode = centerCode,
            DepartmentCode = departmentCode,
            UserId = userId,
            GridCodes = [.. gridCodes],
        };
    }

    private Jurisdiction Subtree(string centerCode)
    {
        if (!reference.CommandCenters.TryGetValue(centerCode, out var center))
            return Jurisdiction.None;
        var below = reference.CommandCenters.Values
            .Where(c => c.Code == centerCode || reference.Regions.GetValueOrDefault(c.RegionCode)?.ParentCode == center.RegionCode)
            .Select(c => c.Code);
        return center.Level switch
        {
            RegionLevel.City => new Jurisdiction { WholeCity = true, CenterCodes = [.. reference.CommandCenters.Keys] },
            RegionLevel.County => new Jurisdiction { CountyCode = center.RegionCode, CenterCodes = [.. below] },
            _ => new Jurisdiction { TownshipCode = center.RegionCode, CenterCodes = [centerCode] },
        };
    }
}

public static class JurisdictionExtensions
{
    private static readonly object Key = new();

    /// <summary>The caller's jurisdiction, worked out once per request.</summary>
    public static Jurisdiction Jurisdiction(this HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var known) && known is Jurisdiction jurisdiction)
            return jurisdiction;
        jurisdiction = http.RequestServices.GetRequiredService<Jurisdictions>().For(http.User);
        http.Items[Key] = jurisdiction;
        return jurisdiction;
    }
}
