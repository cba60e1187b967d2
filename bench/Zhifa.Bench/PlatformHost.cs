using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhifa.Data;
using Zhifa.Server;

namespace Zhifa.Bench;

/// <summary>
/// The server's services without HTTP (<c>AddZhifaPlatform</c>, as Program.cs registers them),
/// with its start-up (migrate, seed, load reference data), on a fresh SQLite file, or on the
/// PostgreSQL database given by <paramref name="postgres"/>; with the system clock, or <paramref name="clock"/>.
/// </summary>
internal static class PlatformHost
{
    public static async Task<IHost> StartAsync(string folder, WriteCounter counter, string? postgres = null, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // As Program.cs: no config reload, whose watcher would wake on every write to the WAL.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = folder,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Zhifa"] = postgres ?? $"Data Source={Path.Combine(folder, "bench.db")}",
            // The server's levels (appsettings.json), minus the host's "press Ctrl+C" lines.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = Environment.GetEnvironmentVariable("ZHIFA_BENCH_EF_LOG") ?? "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });

        var services = builder.Services;
        if (clock is not null)
            services.AddSingleton(clock);
        services.AddZhifaPlatform(builder.Configuration, builder.Environment);
        // Counts writes only while switched on (the counting pass), so the timed run pays nothing.
        services.ConfigureDbContext<ZhifaDbContext>((_, o) => o.AddInterceptors(counter.Interceptors), ServiceLifetime.Singleton);

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
