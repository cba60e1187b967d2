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
