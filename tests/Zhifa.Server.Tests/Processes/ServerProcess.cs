using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Zhifa.Server.Tests.Support;

using Zhifa.Server.Features.Triage;

namespace Zhifa.Server.Tests.Processes;

/// <summary>
/// The built server (Zhifa.Server.dll) run as a process of its own on a test database, as an
/// operator runs it: configured by environment variables, listening on a free port, in Development
/// so that the demo users and the demo API key are seeded. What it writes is kept for failure
/// messages. Disposing kills it whatever state the test left it in, so no test leaves one behind.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int MaxLines = 5000;
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private ServerProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stdout and stderr, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
                return $"--- {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _lines);
        }
    }

    /// <summary>The lines it wrote that <paramref name="match"/>.</summary>
    public List<string> Lines(Func<string, bool> match)
    {
        lock (_lines)
            return [.. _lines.Where(match)];
    }

    /// <summary>Starts several servers at once; if one fails to start, the others are ended too.</summary>
    public static async Task<IReadOnlyList<ServerProcess>> StartAllAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings, params string[] names)
    {
        var starts = names.Select(name => StartAsync(database, name, settings)).ToArray();
        try
        {
            return await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var started in starts.Where(t => t.IsCompletedSuccessfully))
                await started.Result.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a server on <paramref name="database"/> and answers once /health/ready says so. The
    /// background workers stay off unless <paramref name="settings"/> switch one on.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(TestDatabase database, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        KeepClassifierModel(database.ClassifierModelPath);
        var dll = ServerDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in Environment(database, address, settings))
            start.Environment[key] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(name, process, address);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A client for this server; an API key or bearer token is the caller's to add.</summary>
    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: the process ends at once, with no shutdown of the host or the database connections.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host stops as it does under an orchestrator, finishing requests in flight.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            _ = SendSignal(_process.Id, 15);
        else
            _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new InvalidOperationException($"{Name} did not stop within 60 s of SIGTERM (the host's shutdown timeout is 30 s).\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to end.
        }
        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyWithin;
        // Each attempt waits for the answer (or a refused connection) before the next: a bounded poll of the readiness URL.
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready.\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating or seeding.
            }
            // Between attempts it waits for the process's exit, which also ends the wait should it crash.
            using var pause = new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Min(50 * (attempt + 1), 500)));
            await _process.WaitForExitAsync(pause.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        throw new TimeoutException($"{Name} was not ready within {ReadyWithin.TotalSeconds} s.\n{Output}");
    }

    private static readonly Lock ModelGate = new();

    /// <summary>
    /// A model trained once from the shipped examples, kept where the servers look for their retrained
    /// one: each process then loads it in a moment instead of training for seconds on a busy machine.
    /// </summary>
    private static void KeepClassifierModel(string path)
    {
        lock (ModelGate)
        {
            if (!File.Exists(path))
                ClassifierModel.Train(TriageExamples.LoadShipped(), new TextSegmenter()).Save(path);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Environment(TestDatabase database, Uri address, IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Urls"] = address.ToString().TrimEnd('/'),
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Zhifa"] = database.ConnectionString,
            ["Media__Root"] = database.MediaRoot,
            ["Triage__Classifier__ModelPath"] = database.ClassifierModelPath,
            // Development for its demo key, without its demo history: what the tests count is their own.
            ["Seed__DemoIncidents"] = "false",
            ["RateLimits__SignInPerMinute"] = "1000000",
            ["RateLimits__IntakePerMinute"] = "1000000",
            ["RateLimits__Open311ReadPerMinute"] = "1000000",
            // The workers a test does not look at stay off, so that what it counts is its own doing.
            ["Supervision__WorkerEnabled"] = "false",
            ["Feedback__WorkerEnabled"] = "false",
            ["Consultations__SchedulerEnabled"] = "false",
            ["Packs__SchedulerEnabled"] = "false",
            ["Observability__SamplerEnabled"] = "false",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        return all;
    }

    /// <summary>
    /// The server's own build output: the test project references the server, so its assembly sits
    /// beside the tests'; the server project's bin folder of the same configuration is the fallback.
    /// </summary>
    private static string ServerDll()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "Zhifa.Server.runtimeconfig.json")) && File.Exists(Path.Combine(here, "Zhifa.Server.dll")))
            return Path.Combine(here, "Zhifa.Server.dll");
        var tfm = new DirectoryInfo(here).Name;
        var configuration = new DirectoryInfo(here).Parent!.Name;
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Zhifa.Server", "bin", configuration, tfm, "Zhifa.Server.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"No built Zhifa.Server.dll with its runtimeconfig beside {here} or under src/Zhifa.Server/bin/{configuration}/{tfm}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines)
                _lines.Dequeue();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

/// <summary>
/// The process tests run one at a time and apart from the rest of the suite: each starts servers of its
/// own, and on a small machine two such tests at once, or beside the in-process tests, would starve each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
