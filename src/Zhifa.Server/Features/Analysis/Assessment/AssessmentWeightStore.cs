using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis.Assessment;
using Zhifa.Data;

namespace Zhifa.Server.Features.Analysis.Assessment;

/// <summary>The stored weights with when and by whom they were last set.</summary>
public sealed record StoredWeights(AssessmentWeights Weights, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>The assessment weights in table AssessmentWeights, one row per criterion.</summary>
public sealed class AssessmentWeightStore(ZhifaDbContext db, TimeProvider time)
{
    /// <summary>
    /// The stored weights; a criterion without a row (a database the seeding has not reached, a criterion
    /// added since) counts with its default, so the assessment never fails for want of a row.
    /// </summary>
    public async Task<StoredWeights> LoadAsync(CancellationToken ct)
    {
        var rows = await db.AssessmentWeights.AsNoTracking().ToListAsync(ct);
        var latest = rows.OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
        return new StoredWeights(new AssessmentWeights(rows.ToDictionary(r => r.Criterion, r => r.Weight)), latest?.UpdatedAt, latest?.UpdatedBy);
    }

    /// <summary>Sets every criterion's weight at once: the last write wins, whole (decision 0032).</summary>
    public async Task<StoredWeights> SaveAsync(AssessmentWeights weights, string? by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.AssessmentWeights.ToDictionaryAsync(r => r.Criterion, ct);
        foreach (var (criterion, weight) in weights.All)
        {
            if (!rows.TryGetValue(criterion, out var row))
                db.AssessmentWeights.Add(row = new AssessmentWeightSetting { Criterion = criterion });
            (row.Weight, row.UpdatedAt, row.UpdatedBy) = (weight, now, by);
        }
        await db.SaveChangesAsync(ct);
        return new StoredWeights(weights, now, by);
    }

    /// <summary>Adds the default weight of each criterion that has no row; a stored weight is never overwritten.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var known = (await db.AssessmentWeights.Select(r => r.Criterion).ToListAsync(ct)).ToHashSet();
        var missing = AssessmentWeights.Defaults.All.Where(w => !known.Contains(w.Key)).ToList();
        foreach (var (criterion, weight) in missing)
            db.AssessmentWeights.Add(new AssessmentWeightSetting { Criterion = criterion, Weight = weight, UpdatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}

/// <summary>
/// Seeds the default weights at start-up in every environment: the assessment is a production feature,
/// not demo data. Registered after the start-up initializer, whose migration it needs; hosted services
/// start one after the other in the order registered.
/// </summary>
internal sealed class AssessmentWeightSeeder(IServiceScopeFactory scopes, ILogger<AssessmentWeightSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AssessmentWeightStore>().SeedAsync(cancellationToken);
        if (added > 0)
            logger.LogInformation("Seeded {Count} default assessment weights", added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
