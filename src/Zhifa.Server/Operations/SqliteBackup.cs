using Microsoft.Data.Sqlite;

namespace Zhifa.Server.Operations;

/// <summary>
/// SQLite through its online backup API: the copy is taken page by page inside one read transaction,
/// so it is consistent while the server keeps writing (WAL lets readers and the writer proceed together).
/// </summary>
public sealed class SqliteBackup(string connectionString) : IDatabaseBackup
{
    private readonly string _path = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public string ArchiveName => "database/zhifa.db";

    public async Task<string?> DumpAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(_path))
            throw new BackupException($"There is no SQLite database at {_path}.");
        await using var source = Open(_path, SqliteOpenMode.ReadOnly);
        await using var copy = Open(file, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(copy);
        // The copy inherits WAL mode; a rollback journal keeps it one self-contained file in the archive.
        await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", ct);
        if (!await HasTableAsync(copy, "__EFMigrationsHistory", ct))
            return null;
        return await ExecuteAsync(copy, "SELECT MAX(MigrationId) FROM __EFMigrationsHistory", ct) as string;
    }

    public async Task<bool> HasDataAsync(CancellationToken ct)
    {
        if (!File.Exists(_path))
            return false;
        await using var connection = Open(_path, SqliteOpenMode.ReadOnly);
        return await HasTableAsync(connection, null, ct);
    }

    public async Task RestoreAsync(string file, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        await using (var source = Open(file, SqliteOpenMode.ReadOnly))
        await using (var target = Open(_path, SqliteOpenMode.ReadWriteCreate))
        {
            // The backup API writes through the target's own journal, so a stale WAL beside the file
            // cannot outlive the restore the way it could a plain file copy.
            await ExecuteAsync(target, "PRAGMA busy_timeout=5000;", ct);
            source.BackupDatabase(target);
            await ExecuteAsync(target, "PRAGMA journal_mode=WAL;", ct);
        }
        // Pooled connections of this process may still hold the old pages' state.
        SqliteConnection.ClearAllPools();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Whether the table <paramref name="name"/>, or with null any table, exists.</summary>
    private static async Task<bool> HasTableAsync(SqliteConnection connection, string? name, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND ($name IS NULL OR name = $name)";
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<object?> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
