using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Dashboard;
using Zhifa.Server.Observability;

namespace Zhifa.Server.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite file <c>data/zhifa.db</c> under the content root by default; PostgreSQL when
    /// <c>Database:Provider</c> is Postgres, with <c>ConnectionStrings:Zhifa</c>.
    /// </summary>
    public static IServiceCollection AddZhifaDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Zhifa");
        // Every save that changes an incident keeps the indicator aggregates in the same transaction,
        // and what every save writes is counted for the platform's metrics.
        services.AddSingleton<IndicatorLedger>();
        services.AddSingleton<QueueDepths>();
        services.AddSingleton<PlatformMetrics>();
        services.AddSingleton<MeteredSaves>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Zhifa is not set.");
            // Nodes on one database tell each other's live pages of changes (LISTEN/NOTIFY).
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ChangeRelay>(sp, connectionString));
            services.AddHostedService(sp => sp.GetRequiredService<ChangeRelay>());
            services.AddDbContextPool<ZhifaDbContext>((sp, o) => o.UseNpgsql(connectionString,
                npgsql => npgsql.MigrationsAssembly("Zhifa.Migrations.Postgres")).AddInterceptors(sp.GetRequiredService<IndicatorLedger>(),
                    sp.GetRequiredService<MeteredSaves>()));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
            services.AddDbContextPool<ZhifaDbContext>((sp, o) => o.UseSqlite(sqlite,
                s => s.MigrationsAssembly("Zhifa.Migrations.Sqlite")).AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<IndicatorLedger>(),
                    sp.GetRequiredService<MeteredSaves>()));
        }
        return services;
    }

    /// <summary>The configured SQLite connection with its file's path made absolute, its folder created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/zhifa.db" : configured);
        if (!Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
