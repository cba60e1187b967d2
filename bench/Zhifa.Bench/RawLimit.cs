using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Zhifa.Bench;

/// <summary>
/// The ceiling for this disk and SQLite: plain prepared INSERTs on one open connection, each in
/// its own transaction, with the server's pragmas (WAL, synchronous=NORMAL).
/// </summary>
internal static class RawLimit
{
    /// <summary>The time for <paramref name="rows"/> writes, and the WAL frames that <paramref name="probeRows"/> more append.</summary>
    public static async Task<(TimeSpan Elapsed, int ProbeWalFrames)> RunAsync(string path, int warmupRows, int rows, int probeRows)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA busy_timeout=30000;
            CREATE TABLE raw_rows (id TEXT NOT NULL PRIMARY KEY, seq INTEGER NOT NULL, at INTEGER NOT NULL, note TEXT NOT NULL);
            """);

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO raw_rows (id, seq, at, note) VALUES ($id, $seq, $at, $note)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var note = insert.Parameters.Add("$note", SqliteType.Text);
        insert.Prepare();

        var n = 0;
        void Write(int count)
        {
            for (var end = n + count; n < end; n++)
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                id.Value = Guid.CreateVersion7().ToString();
                seq.Value = n;
                at.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                note.Value = "现场清理地笼12个，对当事人教育劝导";
                insert.ExecuteNonQuery();
                transaction.Commit();
            }
        }

        Write(warmupRows);
        var clock = Stopwatch.StartNew();
        Write(rows);
        clock.Stop();
        var frames = await Wal.FramesWrittenByAsync(path, () =>
        {
            Write(probeRows);
            return Task.CompletedTask;
        });

        var stored = Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM raw_rows"), CultureInfo.InvariantCulture);
        if (stored != warmupRows + rows + probeRows)
            throw new InvalidOperationException($"Raw run stored {stored} rows, expected {warmupRows + rows + probeRows}.");
        return (clock.Elapsed, frames);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
