using Microsoft.Data.Sqlite;
using Npgsql;

namespace Zhifa.Server.Operations;

/// <summary>How the backup and restore commands end: 0 and a summary, or 1 and one line on stderr saying why.</summary>
internal static class OperationRun
{
    public static async Task<int> RunAsync(string command, TextWriter errors, Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException or SqliteException or NpgsqlException)
        {
            await errors.WriteLineAsync($"{command} failed: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
