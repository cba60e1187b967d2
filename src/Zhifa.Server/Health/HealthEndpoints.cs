using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zhifa.Data;
using Zhifa.Server.Features.Triage;

namespace Zhifa.Server.Health;

/// <summary>
/// /health/live: the process answers. /health/ready: the database answers. Migration, seeding and
/// loading the reference data finish before the server listens, so a server that answers is ready for them.
/// The classifier trains after the start and reports itself degraded (still 200) until it has a model.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddZhifaHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseAnswers>("database", tags: [Ready])
            .AddCheck<ClassifierHealth>("classifier", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapZhifaHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }

    private sealed class DatabaseAnswers(ZhifaDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
