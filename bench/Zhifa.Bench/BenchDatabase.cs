using Npgsql;

namespace Zhifa.Bench;

/// <summary>A fresh PostgreSQL database for one run, dropped after it; or nothing, for the SQLite file.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _admin;
    private readonly string? _name;

    private BenchDatabase(string? admin, string? name, string? connectionString) => (_admin, _name, ConnectionString) = (admin, name, connectionString);

    public string? ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string? admin)
    {
        if (string.IsNullOrEmpty(admin))
            return new BenchDatabase(null, null, null);
        var name = $"zhifa_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new BenchDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    /// <summary>The database <paramref name="name"/>, created if missing and kept after the run, so that a later run can reuse what one loaded.</summary>
    public static async Task<BenchDatabase> KeptAsync(string admin, string name)
    {
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }
        return new BenchDatabase(null, null, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is null)
            return;
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
