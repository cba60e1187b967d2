using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhifa.Core.Time;
using Zhifa.Data;

namespace Zhifa.Server.Features.Intake;

/// <summary>
/// Incident numbers {countyCode}-{yyyyMMdd}-{seq:0000}, the day in the platform's zone. One
/// upsert-and-return statement per number: atomic on SQLite and PostgreSQL, and inside the
/// caller's transaction, so a rolled-back intake gives its number back.
/// </summary>
public static class IncidentNumbers
{
    private const string Sql = """
        INSERT INTO "IncidentNumberCounters" ("Prefix", "Last") VALUES (@prefix, 1)
        ON CONFLICT ("Prefix") DO UPDATE SET "Last" = "IncidentNumberCounters"."Last" + 1
        RETURNING "Last"
        """;

    public static async Task<string> NextAsync(ZhifaDbContext db, string countyCode, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = $"{countyCode}-{PlatformTime.LocalDate(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        var seq = await NextInSeriesAsync(db, prefix, ct);
        return $"{prefix}-{seq.ToString("0000", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The next number of a series named by <paramref name="prefix"/> (at most 24 characters), from 1.</summary>
    public static async Task<int> NextInSeriesAsync(ZhifaDbContext db, string prefix, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@prefix";
        parameter.Value = prefix;
        command.Parameters.Add(parameter);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
