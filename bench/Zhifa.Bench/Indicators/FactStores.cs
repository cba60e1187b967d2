using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Zhifa.Core.Analysis;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Analysis;

namespace Zhifa.Bench.Indicators;

/// <summary>
/// Bulk-loads the two tables the indicators read, into the schema the platform's migrations made:
/// the facts streamed as they are generated, then the summed aggregate cells.
/// </summary>
internal abstract class FactStore : IDisposable
{
    /// <summary>IncidentFacts' columns in the order both loaders write them.</summary>
    protected static readonly string[] FactColumns =
    [
        "IncidentId", "ReportedAt", "DispatchedAt", "ClosedAt", "Channel", "CountyCode", "TownshipCode", "LeadDepartmentCode",
        "MatterCode", "IsOpen", "HandleDueAt", "HandleMetAt", "ClosedOnTime", "ReworkCount", "ReturnCount", "ExtensionCount",
        "Reports", "JoinedReports", "HandlingMinutes", "OverdueSince", "Version",
    ];

    protected static readonly string[] DayColumns = [.. AggregateWrites.Keys, .. IndicatorCellRow.Counters];

    protected static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    public abstract void Fact(IncidentFactRow f);
    public abstract void EndFacts();
    public abstract void Day(IndicatorCell cell, long[] counters);
    public abstract void EndDays();
    /// <summary>After the load: statistics for the planner, as autovacuum or <c>PRAGMA optimize</c> would gather.</summary>
    public abstract void Analyze();
    /// <summary>Each table's rows and bytes on disk (indexes included).</summary>
    public abstract IEnumerable<(string Table, long Rows, long Bytes)> Sizes();
    public abstract void Dispose();

    protected static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    protected static long Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}

/// <summary>PostgreSQL: binary COPY, one stream per table.</summary>
internal sealed class PostgresFactStore : FactStore
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlBinaryImporter? _copy;

    public PostgresFactStore(string connectionString)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        Execute(_connection, "TRUNCATE \"IncidentFacts\", \"IndicatorCells\"");
        _copy = _connection.BeginBinaryImport($"COPY \"IncidentFacts\" ({Quoted(FactColumns)}) FROM STDIN (FORMAT BINARY)");
    }

    public override void Fact(IncidentFactRow f)
    {
        var c = _copy!;
        c.StartRow();
        c.Write(f.IncidentId, NpgsqlDbType.Uuid);
        c.Write(f.ReportedAt, NpgsqlDbType.TimestampTz);
        Nullable(c, f.DispatchedAt);
        Nullable(c, f.ClosedAt);
        c.Write(f.Channel, NpgsqlDbType.Varchar);
        Text(c, f.CountyCode);
        Text(c, f.TownshipCode);
        Text(c, f.LeadDepartmentCode);
        Text(c, f.MatterCode);
        c.Write(f.IsOpen, NpgsqlDbType.Boolean);
        Nullable(c, f.HandleDueAt);
        Nullable(c, f.HandleMetAt);
        c.Write(f.ClosedOnTime, NpgsqlDbType.Boolean);
        c.Write(f.ReworkCount, NpgsqlDbType.Integer);
        c.Write(f.ReturnCount, NpgsqlDbType.Integer);
        c.Write(f.ExtensionCount, NpgsqlDbType.Integer);
        c.Write(f.Reports, NpgsqlDbType.Integer);
        c.Write(f.JoinedReports, NpgsqlDbType.Integer);
        if (f.HandlingMinutes is { } minutes)
            c.Write(minutes, NpgsqlDbType.Double);
        else
            c.WriteNull();
        Nullable(c, f.OverdueSince);
        c.Write(f.Version, NpgsqlDbType.Integer);
    }

    public override void EndFacts()
    {
        _copy!.Complete();
        _copy.Dispose();
        _copy = _connection.BeginBinaryImport($"COPY \"IndicatorCells\" ({Quoted(DayColumns)}) FROM STDIN (FORMAT BINARY)");
    }

    public override void Day(IndicatorCell cell, long[] counters)
    {
        var c = _copy!;
        c.StartRow();
        c.Write(cell.Dimension.ToString(), NpgsqlDbType.Varchar);
        c.Write(cell.CountyCode, NpgsqlDbType.Varchar);
        c.Write(cell.TownshipCode, NpgsqlDbType.Varchar);
        c.Write(cell.Grain.ToString(), NpgsqlDbType.Varchar);
        c.Write(cell.Day, NpgsqlDbType.Date);
        c.Write(cell.Key, NpgsqlDbType.Varchar);
        foreach (var value in counters)
            c.Write(value, NpgsqlDbType.Bigint);
    }

    public override void EndDays()
    {
        _copy!.Complete();
        _copy.Dispose();
        _copy = null;
    }

    public override void Analyze() => Execute(_connection, "VACUUM ANALYZE \"IncidentFacts\", \"IndicatorCells\"");

    public override IEnumerable<(string Table, long Rows, long Bytes)> Sizes() =>
        new[] { "IncidentFacts", "IndicatorCells" }.Select(t => (t, Scalar(_connection, $"SELECT count(*) FROM \"{t}\""),
            Scalar(_connection, $"SELECT pg_total_relation_size('\"{t}\"')"))).ToList();

    public override void Dispose()
    {
        _copy?.Dispose();
        _connection.Dispose();
    }

    private static void Nullable(NpgsqlBinaryImporter c, DateTimeOffset? at)
    {
        if (at is { } value)
            c.Write(value, NpgsqlDbType.TimestampTz);
        else
            c.WriteNull();
    }

    private static void Text(NpgsqlBinaryImporter c, string? text)
    {
        if (text is null)
            c.WriteNull();
        else
            c.Write(text, NpgsqlDbType.Varchar);
    }
}

/// <summary>SQLite: one transaction per table, one prepared INSERT, values as EF stores them (instants as UTC ticks).</summary>
internal sealed class SqliteFactStore : FactStore
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private SqliteCommand? _insert;

    public SqliteFactStore(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        Execute(_connection, "DELETE FROM \"IncidentFacts\"; DELETE FROM \"IndicatorCells\"; PRAGMA cache_size = -1000000;");
        _grown.Add(FileBytes());
        Begin("IncidentFacts", FactColumns);
    }

    private void Begin(string table, string[] columns)
    {
        _transaction = _connection.BeginTransaction();
        _insert = _connection.CreateCommand();
        _insert.Transaction = _transaction;
        _insert.CommandText = $"INSERT INTO \"{table}\" ({Quoted(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
            _insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
        _insert.Prepare();
    }

    private void End()
    {
        _transaction!.Commit();
        _insert!.Dispose();
        _transaction.Dispose();
        (_insert, _transaction) = (null, null);
    }

    public override void Fact(IncidentFactRow f)
    {
        object?[] values =
        [
            f.IncidentId, f.ReportedAt.UtcTicks, f.DispatchedAt?.UtcTicks, f.ClosedAt?.UtcTicks, f.Channel, f.CountyCode, f.TownshipCode,
            f.LeadDepartmentCode, f.MatterCode, f.IsOpen, f.HandleDueAt?.UtcTicks, f.HandleMetAt?.UtcTicks, f.ClosedOnTime, f.ReworkCount,
            f.ReturnCount, f.ExtensionCount, f.Reports, f.JoinedReports, f.HandlingMinutes, f.OverdueSince?.UtcTicks, f.Version,
        ];
        Run(values);
    }

    public override void EndFacts()
    {
        End();
        _grown.Add(FileBytes());
        Begin("IndicatorCells", DayColumns);
    }

    public override void Day(IndicatorCell cell, long[] counters) =>
        Run([cell.Dimension.ToString(), cell.CountyCode, cell.TownshipCode, cell.Grain.ToString(), cell.Day, cell.Key, .. counters.Cast<object?>()]);

    public override void EndDays()
    {
        End();
        _grown.Add(FileBytes());
    }

    public override void Analyze() => Execute(_connection, "ANALYZE");

    // This build of SQLite has no dbstat table: each table's size is the file's growth while it loaded.
    public override IEnumerable<(string Table, long Rows, long Bytes)> Sizes() =>
        [("IncidentFacts", Scalar(_connection, "SELECT count(*) FROM \"IncidentFacts\""), _grown[1] - _grown[0]),
         ("IndicatorCells", Scalar(_connection, "SELECT count(*) FROM \"IndicatorCells\""), _grown[2] - _grown[1])];

    private readonly List<long> _grown = [];

    private long FileBytes() => Scalar(_connection, "PRAGMA page_count") * Scalar(_connection, "PRAGMA page_size");

    public override void Dispose()
    {
        _insert?.Dispose();
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private void Run(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            _insert!.Parameters[i].Value = values[i] ?? DBNull.Value;
        _insert!.ExecuteNonQuery();
    }
}
