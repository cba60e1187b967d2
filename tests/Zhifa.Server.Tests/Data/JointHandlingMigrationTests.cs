using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Zhifa.Data;

namespace Zhifa.Server.Tests.Data;

/// <summary>
/// Joint handling on a database that had incidents before it: those already in hand go on as they did,
/// their co-departments released from a part nobody asked of them; those not yet accepted owe the parts.
/// </summary>
public sealed class JointHandlingMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "zhifa-tests", $"migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migration_ReleasesTheCoPartsOfIncidentsInHand_AndLeavesThoseNotYetAccepted()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        // Foreign keys off: the rows stand for incidents without the reference data they would point to.
        var options = new DbContextOptionsBuilder<ZhifaDbContext>()
            .UseSqlite($"Data Source={_path};Foreign Keys=False;Pooling=False", o => o.MigrationsAssembly("Zhifa.Migrations.Sqlite")).Options;
        await using var db = new ZhifaDbContext(options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_JointHandlingAndDisputes", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);
        var rows = Incident(1, "InProgress") + Incident(2, "Dispatched") + Incident(3, "Closed");
#pragma warning disable EF1003 // The SQL is the test's own constants, not input.
        await db.Database.ExecuteSqlRawAsync(rows);
#pragma warning restore EF1003

        await migrator.MigrateAsync();

        var statuses = await db.Database.SqlQueryRaw<string>("""SELECT "Status" || ':' || "Role" || ':' || substr("IncidentId", -1) AS "Value" FROM "Assignments" ORDER BY "IncidentId", "Position" """).ToListAsync();
        Assert.Equal(
            ["Accepted:Lead:1", "Released:Co:1", "Released:Co:1", "Dispatched:Lead:2", "Dispatched:Co:2", "Dispatched:Co:2", "Resolved:Lead:3", "Released:Co:3", "Resolved:Co:3"],
            statuses);
    }

    /// <summary>An incident in <paramref name="status"/> led by 农业农村局 with two co-departments, one of them already done.</summary>
    private static string Incident(int n, string status)
    {
        var id = $"00000000-0000-0000-0000-00000000000{n}";
        var (lead, done) = status switch { "InProgress" => ("Accepted", "Accepted"), "Closed" => ("Resolved", "Resolved"), _ => ("Dispatched", "Dispatched") };
        return $"""
            INSERT INTO "Incidents" ("Id", "Number", "Status", "Priority", "Summary", "Lat", "Lon", "HandlingCenterCode", "ReportCount", "ReworkCount",
                "ReturnCount", "BindingRuling", "ReportedAt", "UpdatedAt", "Version")
            VALUES ('{id}', '330503-20261101-000{n}', '{status}', 'Normal', '河道地笼', 30.8, 120.43, '330503-ZHZX', 1, 0, 0, 0, 0, 0, 2);
            INSERT INTO "Assignments" ("IncidentId", "Position", "DepartmentCode", "Role", "Status", "AssignedAt") VALUES
                ('{id}', 1, '330503-NYNC', 'Lead', '{lead}', 0), ('{id}', 2, '330503-SL', 'Co', 'Dispatched', 0), ('{id}', 3, '330503106-ZFD', 'Co', '{done}', 0);
            """;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
