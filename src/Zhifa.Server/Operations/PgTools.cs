using System.Diagnostics;
using Npgsql;

namespace Zhifa.Server.Operations;

/// <summary>
/// Runs PostgreSQL's client tools (pg_dump, pg_restore) against the database a connection string
/// names. The password goes to the child in PGPASSWORD, never on its command line, where any user
/// of the machine could read it.
/// </summary>
internal static class PgTools
{
    /// <summary>Where Debian and Ubuntu install each server version's tools when they are not on PATH.</summary>
    private const string DebianRoot = "/usr/lib/postgresql";

    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (!string.IsNullOrEmpty(connection.Host))
            start.ArgumentList.Add($"--host={connection.Host}");
        start.ArgumentList.Add($"--port={connection.Port}");
        if (!string.IsNullOrEmpty(connection.Username))
            start.ArgumentList.Add($"--username={connection.Username}");
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(connection.Password))
            start.Environment["PGPASSWORD"] = connection.Password;
        if (connection.SslMode is not SslMode.Prefer)
            start.Environment["PGSSLMODE"] = connection.SslMode switch
            {
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                var mode => mode.ToString().ToLowerInvariant(),
            };

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
        {
            var said = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(said.Length > 0 ? said[^1] : "no message")}");
        }
    }

    /// <summary>The tool on PATH, else the newest version Debian's packages installed; a dump of a newer server needs a tool at least as new.</summary>
    public static string Find(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
            return onPath;
        var installed = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(folder => (Version: int.TryParse(Path.GetFileName(folder), out var v) ? v : -1, Path: Path.Combine(folder, "bin", tool)))
                .Where(t => t.Version >= 0 && File.Exists(t.Path))
                .OrderByDescending(t => t.Version)
                .Select(t => t.Path)
                .FirstOrDefault()
            : null;
        return installed ?? throw new BackupException(
            $"{tool} was not found on PATH nor in {DebianRoot}/*/bin; install PostgreSQL's client tools (Debian: apt-get install postgresql-client).");
    }
}
