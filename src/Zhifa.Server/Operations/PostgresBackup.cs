using Npgsql;

namespace Zhifa.Server.Operations;

/// <summary>
/// PostgreSQL through pg_dump's custom format, which pg_dump takes in one snapshot (consistent while
/// the server runs) and pg_restore can load table by table.
/// </summary>
public sealed class PostgresBackup(string connectionString) : IDatabaseBackup
{
    private readonly string _database = new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new BackupException("ConnectionStrings:Zhifa names no Database.");

    public string ArchiveName => "database/zhifa.dump";

    /// <summary>The migration is read from the live database just before the dump: a custom-format file cannot be queried.</summary>
    public async Task<string?> DumpAsync(string file, CancellationToken ct)
    {
        string? migration = null;
        await using (var connection = await OpenAsync(ct))
        {
            if (await ScalarAsync(connection, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", ct) is true)
                migration = await ScalarAsync(connection, "SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"", ct) as string;
        }
        await PgTools.RunAsync("pg_dump", connectionString, ["--format=custom", $"--file={file}", $"--dbname={_database}"], ct);
        return migration;
    }

    public async Task<bool> HasDataAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var tables = await ScalarAsync(connection,
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", ct);
        return Convert.ToInt64(tables, System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// One transaction: a restore that fails part-way leaves the database as it was. Objects the dump
    /// holds are dropped first; ownership goes to the restoring user, whoever owned them before.
    /// </summary>
    public async Task RestoreAsync(string file, CancellationToken ct)
    {
        await PgTools.RunAsync("pg_restore", connectionString,
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", $"--dbname={_database}", file], ct);
        // Pooled connections of this process would otherwise keep plans for the dropped tables.
        NpgsqlConnection.ClearAllPools();
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException)
        {
            await connection.DisposeAsync();
            throw new BackupException($"Cannot connect to PostgreSQL database '{_database}': {e.Message}", e);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
