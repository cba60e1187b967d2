using System.Diagnostics;

namespace Zhifa.Bench;

/// <summary>
/// The platform as its own process: the Release build of Zhifa.Server next to this bench, on a
/// fresh SQLite file in <c>folder</c>, Development (for the demo channel key), logging warnings
/// only, and the intake rate limit lifted: the limit guards production, the bench measures capacity.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress, TimeSpan startUp) => (_process, BaseAddress, StartUp) = (process, baseAddress, startUp);

    public Uri BaseAddress { get; }
    public TimeSpan StartUp { get; }

    /// <param name="postgres">A PostgreSQL database to run on instead of the SQLite file, if given.</param>
    public static async Task<ServerProcess> StartAsync(string folder, string? postgres = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Zhifa.Server.dll");
        var url = "http://127.0.0.1:5089";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Seed__DemoIncidents"] = "false",
                ["ASPNETCORE_CONTENTROOT"] = folder,
                ["Database__Provider"] = postgres is null ? "Sqlite" : "Postgres",
                ["ConnectionStrings__Zhifa"] = postgres ?? $"Data Source={Path.Combine(folder, "zhifa.db")}",
                ["RateLimits__IntakePerMinute"] = "100000000",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Media__Root"] = Path.Combine(folder, "media"),
            },
        };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        // Drain its output so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with {process.ExitCode}.");
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return new ServerProcess(process, new Uri(url), clock.Elapsed);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The server was not ready within 3 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
