using Npgsql;

namespace Zhifa.Server.Tests.Support;

/// <summary>
/// A fresh, empty database for one test server: a SQLite file by default, or a new PostgreSQL
/// database on the server that ZHIFA_TEST_POSTGRES points to. Dropped again on dispose, with the
/// media folder that goes with it, so no two test runs share stored files.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ZHIFA_TEST_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string _name;

    private TestDatabase(string provider, string connectionString, string name, string? adminConnection, string classifierModelPath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _adminConnection = adminConnection;
        ClassifierModelPath = classifierModelPath;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    /// <summary>The servers on this database keep their files here (Media:Root).</summary>
    public string MediaRoot { get; private init; } = "";
    /// <summary>
    /// The servers on this database keep their retrained classifier here, not in the project's data
    /// folder: a developer's retrained model must not change what the tests see, nor the tests' theirs.
    /// </summary>
    public string ClassifierModelPath { get; }
    public bool IsPostgres => _adminConnection is not null;

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = $"zhifa_test_{Guid.NewGuid():N}";
        var mediaRoot = Path.Combine(Path.GetTempPath(), "zhifa-tests", name + "-media");
        var model = Path.Combine(Path.GetTempPath(), "zhifa-tests", name + ".triage-model.zip");
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            var path = Path.Combine(Path.GetTempPath(), "zhifa-tests", name + ".db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new TestDatabase("Sqlite", $"Data Source={path}", path, null, model) { MediaRoot = mediaRoot };
        }
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, name, admin, model) { MediaRoot = mediaRoot };
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(MediaRoot))
            Directory.Delete(MediaRoot, recursive: true);
        File.Delete(ClassifierModelPath);
        if (_adminConnection is null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_name + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
