using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Open311;

/// <summary>
/// Incidents reported at chosen times, written straight to the database: the window and limit tests
/// need requests months old, and more than a thousand of them, which intake (always "now") cannot
/// make without moving the shared clock. Numbers from 9000 up never meet the platform's own.
/// </summary>
public static class Open311Seed
{
    private static int _next = 9000;

    public static async Task<List<string>> ReportedAtAsync(ZhifaApp app, string matterCode, IEnumerable<DateTimeOffset> times)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var matter = scope.ServiceProvider.GetRequiredService<ReferenceData>().Matters[matterCode];
        var numbers = new List<string>();
        foreach (var at in times)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"330500-{PlatformTime.LocalDate(at):yyyyMMdd}-{Interlocked.Increment(ref _next)}");
            var clue = new Clue { Id = Guid.CreateVersion7(at), Channel = Channels.Open311, Text = $"种子请求 {number}", MatterCode = matterCode, Lat = 30.9, Lon = 120.1, ReceivedAt = at };
            db.Incidents.Add(Incident.Report(Guid.CreateVersion7(at), number, clue, new Placement(matter, null, "330500-ZHZX"), "test seed", at));
            numbers.Add(number);
        }
        await db.SaveChangesAsync();
        return numbers;
    }
}
