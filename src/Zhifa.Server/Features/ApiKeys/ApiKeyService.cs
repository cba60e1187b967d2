using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Data;

namespace Zhifa.Server.Features.ApiKeys;

/// <summary>Issue, list and revoke channel keys; and, in Development, the demo key for the 12345 hotline.</summary>
public sealed class ApiKeyService(ZhifaDbContext db, TimeProvider time, IConfiguration configuration, ILogger<ApiKeyService> logger)
{
    public const string DefaultDemoKey = "zf_demo-hotline12345-key";

    /// <summary>A new key for a channel; the answer is the only time the key itself is seen.</summary>
    public async Task<(ApiKey Record, string Key)> IssueAsync(string channel, string name, CancellationToken ct, string? key = null)
    {
        key ??= ApiKeySecrets.NewKey();
        var record = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Channel = channel,
            Name = name,
            Prefix = ApiKeySecrets.Prefix(key),
            Hash = ApiKeySecrets.Hash(key),
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(ct);
        return (record, key);
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.Channel).ThenBy(k => k.Name).ToListAsync(ct);

    /// <summary>False when no key has that id; revoking twice is harmless.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
            return false;
        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes the demo key, if this database ever had it.</summary>
    public async Task RevokeDemoKeyAsync(CancellationToken ct)
    {
        var hash = ApiKeySecrets.Hash(configuration["Seed:DemoApiKey"] ?? DefaultDemoKey);
        if (await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct) is { } demo)
        {
            demo.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Revoked the demo API key: it is published and must not work in production");
        }
    }

    /// <summary>The hotline's demo key, so integrators can try intake at once (Development only).</summary>
    public async Task EnsureDemoKeyAsync(CancellationToken ct)
    {
        var key = configuration["Seed:DemoApiKey"] ?? DefaultDemoKey;
        var hash = ApiKeySecrets.Hash(key);
        if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct))
            await IssueAsync(Channels.Hotline12345, "demo 12345 hotline", ct, key);
        if (configuration["Seed:DemoApiKey"] is null)
            logger.LogInformation("Demo API key for channel {Channel} (default, set Seed:DemoApiKey to change): {Key}", Channels.Hotline12345, key);
    }
}
