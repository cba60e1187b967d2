using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zhifa.Server.Data;

/// <summary>
/// Per-connection SQLite settings. With WAL, synchronous=NORMAL stays safe against process crashes
/// (a commit is in the WAL before the call returns) and avoids an fsync per transaction. A native
/// busy_timeout makes a writer that finds the database locked wait inside SQLite, which retries
/// within a millisecond or two of the lock's release; left to Microsoft.Data.Sqlite, a busy writer
/// sleeps 150 ms between retries, which under concurrent intake became most of each request's time.
/// mmap_size lets SQLite read pages from the mapped file rather than copy them through read calls.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA mmap_size=1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
