using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zhifa.Server.Data;

/// <summary>
/// Per-connection SQLite setting: with WAL, synchronous=NORMAL stays safe against process crashes
/// (a commit is in the WAL before the call returns) and avoids an fsync per transaction.
/// Busy waiting needs nothing here: Microsoft.Data.Sqlite retries a busy database for the command timeout.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Sql = "PRAGMA synchronous=NORMAL;";

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
