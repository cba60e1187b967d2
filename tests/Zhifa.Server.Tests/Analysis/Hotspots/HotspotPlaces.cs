using Zhifa.Core.Organization;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis.Hotspots;

/// <summary>Planting incidents for the hotspot tests, and the readers they read as.</summary>
internal static class HotspotPlaces
{
    public const string Hefu = Scenario.Hefu;
    public const string Nanxun = Scenario.Nanxun;

    /// <summary>
    /// <paramref name="count"/> reports of <paramref name="matter"/> in one grid of 和孚镇, each at its own spot
    /// of the grid worker's lattice (110 m apart: no two are joined as duplicates), all at the clock's now.
    /// </summary>
    public static async Task<(string Grid, IncidentDetail[] Incidents)> PlantAsync(this Scenario scenario, string matter, int count)
    {
        var byGrid = new Dictionary<string, List<IncidentDetail>>();
        for (var i = 0; i < 30 * count; i++)
        {
            var incident = await scenario.ReportAsync(matter, text: $"发现问题第{i}处，请处理", at: await scenario.NextGridPointAsync());
            if (incident.GridCode is null || incident.Status == Core.Incidents.IncidentStatus.Merged)
                continue;
            var list = byGrid.TryGetValue(incident.GridCode, out var known) ? known : byGrid[incident.GridCode] = [];
            // Once the lattice wraps round, a report may join an incident of its own spot: count each incident once.
            if (list.Any(x => x.Id == incident.Id))
                continue;
            list.Add(incident);
            if (list.Count == count)
                return (incident.GridCode, [.. list]);
        }
        throw new InvalidOperationException($"No grid of 和孚镇 took {count} reports of {matter}.");
    }

    /// <summary>A dispatcher of 长兴县's centre: a county reader with no part in 南浔区.</summary>
    public static async Task<HttpClient> ChangxingDispatcherAsync(this ZhifaApp app) =>
        app.Cast.As(await app.Cast.MakeAsync(Role.Dispatcher, "330522-ZHZX"), AuthApi.TestPassword);

    /// <summary>An instant as a query string takes it: UTC, to the second, nothing to escape.</summary>
    public static string Query(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
