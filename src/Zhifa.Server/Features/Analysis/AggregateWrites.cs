using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis;
using Zhifa.Data;
using Zhifa.Data.Analysis;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// Adds differences to the aggregate rows with one upsert: a missing cell is inserted with the
/// difference, an existing one has it added in the database, so concurrent writers never overwrite
/// each other's counts. The syntax is the same on SQLite and PostgreSQL.
/// </summary>
public static class AggregateWrites
{
    /// <summary>The key columns, in the key's order.</summary>
    public static readonly string[] Keys = ["Dimension", "CountyCode", "TownshipCode", "Grain", "Day", "Key"];

    private static readonly string Columns = string.Join(", ", Keys.Concat(IndicatorCellRow.Counters).Select(Quote));

    private static readonly string OnConflict =
        $"ON CONFLICT ({string.Join(", ", Keys.Select(Quote))}) DO UPDATE SET "
        + string.Join(", ", IndicatorCellRow.Counters.Select(c => $"{Quote(c)} = \"IndicatorCells\".{Quote(c)} + excluded.{Quote(c)}"));

    /// <summary>
    /// Cells per statement: each takes 39 parameters, well inside both providers' limits. SQLite finds
    /// each named parameter by a scan of the statement's names, so binding grows with the square of
    /// the statement's size: there, shorter statements write a batch's thousand cells several times faster.
    /// </summary>
    private static int BatchFor(ZhifaDbContext db) => db.IsSqlite ? 40 : 200;

    public static async Task AddAsync(ZhifaDbContext db, IReadOnlyDictionary<IndicatorCell, IndicatorTotals> cells, CancellationToken ct)
    {
        // Always in key order: two transactions adding to the same cells lock them in the same order, never crosswise.
        var ordered = cells.OrderBy(c => c.Key, KeyOrder);
        foreach (var chunk in ordered.Chunk(BatchFor(db)))
        {
            var parameters = new List<object>();
            var rows = new List<string>();
            foreach (var (cell, totals) in chunk)
            {
                var first = parameters.Count;
                parameters.AddRange([cell.Dimension.ToString(), cell.CountyCode, cell.TownshipCode, cell.Grain.ToString(), cell.Day, cell.Key]);
                parameters.AddRange(IndicatorCellRow.Values(totals).Cast<object>());
                rows.Add("(" + string.Join(", ", Enumerable.Range(first, parameters.Count - first).Select(i => $"{{{i}}}")) + ")");
            }
            var sql = $"INSERT INTO \"IndicatorCells\" ({Columns}) VALUES {string.Join(", ", rows)} {OnConflict}";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    /// <summary>The order of the table's key, every text by ordinal: also the order a bulk load writes cells in.</summary>
    public static readonly IComparer<IndicatorCell> KeyOrder = Comparer<IndicatorCell>.Create((a, b) =>
    {
        var order = string.CompareOrdinal(a.Dimension.ToString(), b.Dimension.ToString());
        if (order == 0) order = string.CompareOrdinal(a.CountyCode, b.CountyCode);
        if (order == 0) order = string.CompareOrdinal(a.TownshipCode, b.TownshipCode);
        if (order == 0) order = string.CompareOrdinal(a.Grain.ToString(), b.Grain.ToString());
        if (order == 0) order = a.Day.CompareTo(b.Day);
        return order == 0 ? string.CompareOrdinal(a.Key, b.Key) : order;
    });

    private static string Quote(string name) => $"\"{name}\"";
}
