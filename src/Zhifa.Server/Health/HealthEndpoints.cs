using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zhifa.Data;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Health;

/// <summary>/health/live: the process answers. /health/ready: migrated, seeded, and the database answers.</summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddZhifaHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ReferenceDataLoaded>("reference-data", tags: [Ready])
            .AddCheck<DatabaseAnswers>("database", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapZhifaHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }

    private sealed class DatabaseAnswers(ZhifaDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
    }

    private sealed class ReferenceDataLoaded(ReferenceData reference) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(reference.IsLoaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Reference data is still loading."));
    }
}
