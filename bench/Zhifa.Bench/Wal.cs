using Microsoft.Data.Sqlite;

namespace Zhifa.Bench;

/// <summary>
/// How many pages a piece of work writes: empty the write-ahead log, do the work, and count the
/// frames it appended (each a page image). The work must be small enough not to trigger a checkpoint.
/// </summary>
internal static class Wal
{
    private const int HeaderBytes = 32, FrameHeaderBytes = 24;

    public static async Task<int> FramesWrittenByAsync(string databasePath, Func<Task> work)
    {
        int pageSize;
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA page_size;";
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || reader.GetInt32(0) != 0)
                throw new InvalidOperationException("The WAL checkpoint could not run: another connection is busy.");
            await reader.NextResultAsync();
            await reader.ReadAsync();
            pageSize = reader.GetInt32(0);
        }
        await work();
        var wal = new FileInfo(databasePath + "-wal");
        return wal.Exists && wal.Length > 0 ? (int)((wal.Length - HeaderBytes) / (FrameHeaderBytes + pageSize)) : 0;
    }
}
