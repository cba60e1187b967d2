using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Data.Seeding;

/// <summary>How a demo incident's story goes; the steps themselves are the incident's own methods.</summary>
internal enum DemoFate
{
    OnTime,
    Late,
    Reworked,
    Returned,
    Extended,
    Suspended,
    /// <summary>Accepted, never resolved: still in hand.</summary>
    Stalled,
    /// <summary>Dispatched, never accepted.</summary>
    Unaccepted,
    Rejected,
    Merged,
}

/// <summary>A grid cell reports come from.</summary>
internal sealed record DemoPlace(string GridCode, string GridName, string TownshipCode, string CountyCode, double Lat, double Lon)
{
    public GridLocation Location => new(GridCode, TownshipCode, CountyCode);
}

/// <param name="DuplicateOf">The index of the earlier case, in the same batch, that this report repeats.</param>
internal sealed record DemoCase(int Index, DateTimeOffset ReportedAt, DemoPlace Place, double Lat, double Lon, Matter? Matter, string Channel,
    DemoFate Fate, int? DuplicateOf = null);

/// <summary>
/// What the demo history holds: when, where, which matter, through which channel and how each case
/// ends. Drawn from one <see cref="Random"/>, so the same seed and the same moment give the same history.
/// </summary>
internal static class DemoIncidentPlan
{
    // A few matters dominate, as in a city's real intake: street vending, garbage, spilling shops, piles, spoil trucks.
    private static readonly (string Code, int Weight)[] Common =
        [("SR01", 18), ("SR04", 12), ("SR02", 8), ("SR03", 7), ("ZT01", 6), ("SR07", 5), ("DD04", 5), ("SY05", 4), ("WJ01", 4)];
    private const int AnyOtherWeight = 31;

    private static readonly (string Channel, int Weight)[] ChannelMix =
        [(Channels.Grid, 36), (Channels.Hotline12345, 25), (Channels.CityManagement, 15), (Channels.App, 12), (Channels.Manual, 7), (Channels.Open311, 5)];

    /// <summary>The chronic place (顽疾): one matter at one grid, reported again every few days over the last month.</summary>
    public const string ChronicMatter = "SR01";
    private static readonly int[] ChronicDaysAgo = [27, 21, 15, 10, 6, 2];

    public static List<DemoCase> Make(Random random, IReadOnlyList<DemoPlace> places, ReferenceData reference, DateTimeOffset now,
        int count, int days, int batchSize)
    {
        var others = reference.Matters.Values.Where(m => !Common.Any(c => c.Code == m.Code)).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        // Most reports come from a few busy cells (town centres, markets); the rest from anywhere in the city.
        var busy = Enumerable.Range(0, 40).Select(_ => places[random.Next(places.Count)]).ToList();
        var drafts = new List<(DateTimeOffset At, DemoPlace Place, Matter? Matter)>();
        var chronic = reference.Matters[ChronicMatter];
        foreach (var daysAgo in ChronicDaysAgo)
            drafts.Add((now - TimeSpan.FromDays(daysAgo) - TimeSpan.FromHours(random.Next(1, 10)), busy[0], chronic));
        while (drafts.Count < count)
        {
            var place = random.NextDouble() < 0.7 ? busy[random.Next(busy.Count)] : places[random.Next(places.Count)];
            drafts.Add((ReportTime(random, now, days), place, PickMatter(random, reference, others, place)));
        }

        var cases = new List<DemoCase>(count);
        foreach (var (at, place, matter) in drafts.OrderBy(d => d.At))
        {
            // The chronic place's reports keep their matter: none is rejected as unplaced.
            var fate = FateOf(random, now - at) is var drawn && drawn == DemoFate.Rejected && IsChronic(place, matter, busy[0]) ? DemoFate.OnTime : drawn;
            var (lat, lon) = Near(random, place.Lat, place.Lon, 250);
            var channel = matter?.Category == "工程渣土" && random.NextDouble() < 0.6 ? Channels.Spoil : Weighted(random, ChannelMix);
            cases.Add(new DemoCase(cases.Count, at, place, lat, lon, fate == DemoFate.Rejected ? null : matter, channel, fate));
        }
        for (var i = 0; i < cases.Count; i++)
            if (i % batchSize != 0 && random.NextDouble() < 0.035 && !IsChronic(cases[i].Place, cases[i].Matter, busy[0])
                && AsDuplicate(random, cases, i, i - i % batchSize, now) is { } duplicate)
                cases[i] = duplicate;
        return cases;
    }

    private static bool IsChronic(DemoPlace place, Matter? matter, DemoPlace chronic) => place == chronic && matter?.Code == ChronicMatter;

    /// <summary>
    /// A repeat report of an earlier case of its batch (so it can be merged into it), a few hours after it
    /// at nearly the same spot; null when no earlier case there was dispatched or the repeat would fall after now.
    /// </summary>
    private static DemoCase? AsDuplicate(Random random, List<DemoCase> cases, int i, int batchStart, DateTimeOffset now)
    {
        var target = cases[random.Next(batchStart, i)];
        var at = target.ReportedAt + TimeSpan.FromMinutes(random.Next(60, 8 * 60));
        if (target.Matter is null || target.DuplicateOf is not null || target.Fate is DemoFate.Rejected || at > now - TimeSpan.FromMinutes(10))
            return null;
        var (lat, lon) = Near(random, target.Lat, target.Lon, 40);
        return cases[i] with
        {
            ReportedAt = at, Place = target.Place, Lat = lat, Lon = lon, Matter = target.Matter, Fate = DemoFate.Merged, DuplicateOf = target.Index,
            Channel = target.Channel == Channels.Hotline12345 ? Channels.App : Channels.Hotline12345,
        };
    }

    /// <summary>Old cases have mostly ended; only recent ones are still stuck before acceptance or resolution.</summary>
    private static DemoFate FateOf(Random random, TimeSpan age)
    {
        var recent = age < TimeSpan.FromDays(10);
        return random.Next(100) switch
        {
            < 4 => DemoFate.Rejected,
            < 8 => DemoFate.Returned,
            < 12 => DemoFate.Reworked,
            < 16 => DemoFate.Extended,
            < 18 => DemoFate.Suspended,
            < 32 => DemoFate.Late,
            < 42 when recent => DemoFate.Stalled,
            < 47 when recent => DemoFate.Unaccepted,
            _ => DemoFate.OnTime,
        };
    }

    /// <summary>A common matter, else any other, that the responsibility list routes at this place.</summary>
    private static Matter PickMatter(Random random, ReferenceData reference, List<Matter> others, DemoPlace place)
    {
        Matter matter;
        var tries = 0;
        do
        {
            var roll = random.Next(Common.Sum(c => c.Weight) + AnyOtherWeight);
            var common = Common.FirstOrDefault(c => (roll -= c.Weight) < 0).Code;
            matter = common is null ? others[random.Next(others.Count)] : reference.Matters[common];
        }
        while (!reference.Router.Route(matter, place.Location).DispatchesAtOnce && ++tries < 10);
        return matter;
    }

    /// <summary>Mostly in the day: at night only one report in about seven goes through.</summary>
    private static DateTimeOffset ReportTime(Random random, DateTimeOffset now, int days)
    {
        while (true)
        {
            var at = now - TimeSpan.FromMinutes(30 + random.NextDouble() * (days * 24 * 60 - 60));
            if (PlatformTime.ToLocal(at).Hour is >= 7 and < 22 || random.NextDouble() < 0.15)
                return at;
        }
    }

    private static string Weighted(Random random, (string Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        return choices.First(c => (roll -= c.Weight) < 0).Value;
    }

    private static (double Lat, double Lon) Near(Random random, double lat, double lon, double meters)
    {
        var dy = (random.NextDouble() * 2 - 1) * meters / 111_320;
        var dx = (random.NextDouble() * 2 - 1) * meters / (111_320 * Math.Cos(lat * Math.PI / 180));
        return (Math.Round(lat + dy, 6), Math.Round(lon + dx, 6));
    }
}
