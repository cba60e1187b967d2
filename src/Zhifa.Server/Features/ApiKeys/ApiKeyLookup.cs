using Microsoft.EntityFrameworkCore;
using Zhifa.Data;

namespace Zhifa.Server.Features.ApiKeys;

/// <summary>
/// Finding the key a client presents, for the X-Api-Key header and for protocols that carry the
/// key in their own field (Open311's api_key): one indexed read by hash, revoked keys refused.
/// </summary>
internal static class ApiKeyLookup
{
    /// <summary>The key, when it exists and is not revoked; else null.</summary>
    public static async Task<ApiKey?> FindActiveAsync(ZhifaDbContext db, string? presented, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(presented))
            return null;
        var hash = ApiKeySecrets.Hash(presented);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, ct);
        return key is { RevokedAt: null } ? key : null;
    }

    /// <summary>Who a key acts as, in timelines and the audit trail.</summary>
    public static string ActorName(ApiKey key) => $"apikey:{key.Name}";
}
