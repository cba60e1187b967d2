using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Processes;

/// <summary>What the process tests read and write beside the servers: the database itself, and places to report from.</summary>
internal static partial class ProcessData
{
    public const string Township = Scenario.Hefu;

    /// <summary>The test's own view of the database the servers use, with none of the server's code in between.</summary>
    public static ZhifaDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<ZhifaDbContext>();
        if (database.IsPostgres)
            options.UseNpgsql(database.ConnectionString);
        else
            options.UseSqlite(database.ConnectionString);
        return new ZhifaDbContext(options.Options);
    }

    /// <summary>A client that reports as the demo 12345 hotline, whose key Development seeds.</summary>
    /// <summary>A clue as the 12345 hotline reports one through <see cref="Hotline"/>: its own external id, text, matter and place.</summary>
    public static ClueRequest HotlineClue(string externalId, string text, string matterCode, (double Lat, double Lon) at) =>
        new("hotline12345", externalId, text, matterCode, at.Lat, at.Lon, null, null, null, null, null, null);

    public static HttpClient Hotline(ServerProcess server)
    {
        var client = server.Client();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, ApiKeyService.DefaultDemoKey);
        return client;
    }

    /// <summary>
    /// Spots 110 m apart over the township's bounding box, as <see cref="Scenario"/> lays them: each
    /// report its own place, so the duplicate check (100 m) joins none of them to another.
    /// </summary>
    public static async Task<IReadOnlyList<(double Lat, double Lon)>> SpotsAsync(TestDatabase database, int count)
    {
        await using var db = Open(database);
        var wkt = await db.Regions.Where(r => r.Code == Township).Select(r => r.BoundaryWkt).SingleAsync();
        var numbers = Number().Matches(wkt).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var lons = numbers.Where((_, i) => i % 2 == 0).ToList();
        var lats = numbers.Where((_, i) => i % 2 == 1).ToList();
        const double stepLat = 110 / 111_320.0;
        var (south, north, west, east) = (lats.Min(), lats.Max(), lons.Min(), lons.Max());
        var stepLon = stepLat / Math.Cos((south + north) / 2 * Math.PI / 180);
        var spots = new List<(double, double)>();
        for (var lat = south + stepLat / 2; lat < north - stepLat / 4 && spots.Count < count; lat += stepLat)
            for (var lon = west + stepLon / 2; lon < east - stepLon / 4 && spots.Count < count; lon += stepLon)
                spots.Add((lat, lon));
        Assert.True(spots.Count == count, $"The township holds {spots.Count} spots, not {count}.");
        return spots;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="within"/> has passed.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        // Four looks a second: the condition decides, the pace only spares the servers' two shared cores.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await pace.WaitForNextTickAsync();
        }
        return await condition();
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
