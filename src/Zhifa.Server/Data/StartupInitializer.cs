using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Data;

/// <summary>
/// Runs before the server listens: migrate, seed what is missing, load reference data into memory.
/// The readiness check reports ready only after this has finished.
/// </summary>
internal sealed class StartupInitializer(
    IServiceScopeFactory scopes,
    ReferenceData reference,
    Clocks clocks,
    TimeProvider time,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<StartupInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        if (db.IsSqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var migrated = clock.ElapsedMilliseconds;

        var seedDirectory = Path.Combine(AppContext.BaseDirectory, "Data", "Seed");
        var seeder = scope.ServiceProvider.GetRequiredService<ReferenceSeeder>();
        var added = await seeder.SeedAsync(ReferenceSeeder.Load(seedDirectory), cancellationToken)
            + await CalendarSeed.SeedAsync(db, CalendarSeed.Load(seedDirectory), cancellationToken);
        var seeded = clock.ElapsedMilliseconds - migrated;
        var identity = scope.ServiceProvider.GetRequiredService<IdentitySeeder>();
        await identity.EnsureRolesAsync();
        var apiKeys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        if (environment.IsDevelopment())
        {
            await identity.SeedDemoUsersAsync();
            await scope.ServiceProvider.GetRequiredService<DemoOfficers>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Features.Analysis.Hotspots.DemoWarningRules>().SeedAsync(cancellationToken);
            await apiKeys.EnsureDemoKeyAsync(cancellationToken);
            await DutyRosterSeed.SeedAsync(db, time, cancellationToken);
        }
        else if (environment.IsProduction())
        {
            // A database first started in Development must not carry its published demo credentials into production.
            await identity.DisableDemoUsersAsync();
            await apiKeys.RevokeDemoKeyAsync(cancellationToken);
        }
        await reference.LoadAsync(db, cancellationToken);
        await clocks.LoadAsync(db, cancellationToken);
        // The demo history is placed, routed and timed by the reference data and the calendar, so it comes after they are loaded.
        if (environment.IsDevelopment() && configuration.GetValue("Seed:DemoIncidents", true))
            await scope.ServiceProvider.GetRequiredService<DemoIncidents>().SeedAsync(cancellationToken);
        var counted = await FactBackfill.RunAsync(db, clocks, time, cancellationToken);
        if (counted > 0)
            logger.LogInformation("Counted {Incidents} incidents into the indicator aggregates", counted);
        logger.LogInformation(
            "Database ready in {Elapsed} ms on {Provider}: migrated in {Migrated} ms, {Added} reference rows seeded in {Seeded} ms, {Grids} grids indexed",
            clock.ElapsedMilliseconds, db.Database.ProviderName, migrated, added, seeded, reference.Grids.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates, seeds and loads as a normal start would, for a command that runs without listening.</summary>
    public static async Task RunOnceAsync(IServiceProvider services)
    {
        foreach (var service in services.GetServices<IHostedService>().OfType<StartupInitializer>())
            await service.StartAsync(CancellationToken.None);
    }
}
