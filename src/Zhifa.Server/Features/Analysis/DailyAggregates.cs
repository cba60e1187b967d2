using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis;
using Zhifa.Data;
using Zhifa.Data.Analysis;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// Adds differences to the daily aggregate rows with one upsert: a missing cell is inserted with the
/// difference, an existing one has it added in the database, so concurrent writers never overwrite
/// each other's counts. The syntax is the same on SQLite and PostgreSQL.
/// </summary>
public static class DailyAggregates
{
    private static readonly string[] Keys = ["Dimension", "Day", "CountyCode", "TownshipCode", "Key"];

    private static readonly string Columns = string.Join(", ", Keys.Concat(IndicatorDay.Counters).Select(Quote));

    private static readonly string OnConflict =
        $"ON CONFLICT ({string.Join(", ", Keys.Select(Quote))}) DO UPDATE SET "
        + string.Join(", ", IndicatorDay.Counters.Select(c => $"{Quote(c)} = \"IndicatorDays\".{Quote(c)} + excluded.{Quote(c)}"));

    /// <summary>Cells per statement: each takes 38 parameters, well inside both providers' limits.</summary>
    private const int Batch = 200;

    public static async Task AddAsync(ZhifaDbContext db, IReadOnlyDictionary<IndicatorCell, IndicatorTotals> cells, CancellationToken ct)
    {
        // Always in key order: two transactions adding to the same cells lock them in the same order, never crosswise.
        var ordered = cells.OrderBy(c => c.Key.Dimension).ThenBy(c => c.Key.Day).ThenBy(c => c.Key.CountyCode, StringComparer.Ordinal)
            .ThenBy(c => c.Key.TownshipCode, StringComparer.Ordinal).ThenBy(c => c.Key.Key, StringComparer.Ordinal);
        foreach (var chunk in ordered.Chunk(Batch))
        {
            var parameters = new List<object>();
            var rows = new List<string>();
            foreach (var (cell, totals) in chunk)
            {
                var first = parameters.Count;
                parameters.AddRange([cell.Dimension.ToString(), cell.Day, cell.CountyCode, cell.TownshipCode, cell.Key]);
                parameters.AddRange(IndicatorDay.Values(totals).Cast<object>());
                rows.Add("(" + string.Join(", ", Enumerable.Range(first, parameters.Count - first).Select(i => $"{{{i}}}")) + ")");
            }
            var sql = $"INSERT INTO \"IndicatorDays\" ({Columns}) VALUES {string.Join(", ", rows)} {OnConflict}";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    private static string Quote(string name) => $"\"{name}\"";
}
