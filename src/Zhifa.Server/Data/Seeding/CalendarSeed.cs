using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Time;
using Zhifa.Data;

namespace Zhifa.Server.Data.Seeding;

/// <summary>
/// The shipped holidays and adjusted working days (calendar.csv). A year is seeded only while the
/// database has no day of it: once there, the year belongs to the admins who edit it, and a later
/// start neither restores a day they removed nor overwrites one they changed.
/// </summary>
internal static class CalendarSeed
{
    public static IReadOnlyList<CalendarDay> Load(string seedDirectory) =>
    [
        .. Csv.ReadRecords(Path.Combine(seedDirectory, "calendar.csv")).Select(r => new CalendarDay
        {
            Date = DateOnly.ParseExact(r["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Working = r["kind"] switch
            {
                "workday" => true,
                "holiday" => false,
                var other => throw new InvalidDataException($"calendar.csv: kind '{other}' is neither holiday nor workday."),
            },
            Name = r["name"],
        }),
    ];

    public static async Task<int> SeedAsync(ZhifaDbContext db, IReadOnlyList<CalendarDay> days, CancellationToken ct)
    {
        var years = days.Select(d => d.Date.Year).Distinct().ToList();
        var present = new HashSet<int>();
        foreach (var year in years)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (await db.CalendarDays.AnyAsync(d => d.Date >= first && d.Date <= last, ct))
                present.Add(year);
        }
        var missing = days.Where(d => !present.Contains(d.Date.Year)).ToList();
        if (missing.Count == 0)
            return 0;
        db.CalendarDays.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node starting on the same database seeded them first.
            db.ChangeTracker.Clear();
            return 0;
        }
        db.ChangeTracker.Clear();
        return missing.Count;
    }
}
