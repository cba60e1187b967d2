using Zhifa.Core.Analysis;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Organization;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Bench.Indicators;

/// <summary>
/// Incidents' facts as a city of Huzhou's size would accumulate them over two years: the seeded
/// townships, departments and matters, weighted the way the work falls (a few matters and the grid
/// channel dominate, weekdays and summer are busier), most closed within days, some late, some still
/// open. Streamed in report order, one day at a time, so that ten million are never held at once.
/// Seeded: the same count and now give the same incidents.
/// </summary>
internal sealed class IncidentGenerator
{
    public const int Years = 2;

    /// <summary>Channel shares: grid patrols first, the 12345 hotline next, then the rest.</summary>
    private static readonly (string Channel, double Weight)[] ChannelWeights =
    [
        (Channels.Grid, 46), (Channels.Hotline12345, 27), (Channels.CityManagement, 9), (Channels.App, 8),
        (Channels.Spoil, 4), (Channels.Manual, 4), (Channels.Open311, 2),
    ];

    private readonly ReferenceData _reference;
    private readonly DateTimeOffset _now;
    private readonly int _count;
    private readonly Random _random;
    private readonly Weighted<Region> _townships;
    private readonly Weighted<Matter> _matters;
    private readonly Weighted<string> _channels;
    private readonly double[] _hours;

    public IncidentGenerator(ReferenceData reference, DateTimeOffset now, int count, int seed = 20261128)
    {
        (_reference, _now, _count, _random) = (reference, now, count, new Random(seed));
        // Urban districts carry more work than the counties; within a county, townships by a mild Zipf.
        var townships = reference.Regions.Values.Where(r => r.Level == RegionLevel.Township).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        _townships = new(townships, townships.Select((t, i) => CountyWeight(t.ParentCode!) / Math.Pow(1 + RankIn(townships, t), 0.6)).ToArray());
        // A few matters dominate (street vending, piled materials, exposed garbage...): Zipf over a fixed shuffle.
        var matters = reference.Matters.Values.OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        var order = new Random(seed + 1);
        matters = [.. matters.OrderBy(_ => order.Next())];
        _matters = new(matters, matters.Select((_, i) => 1 / Math.Pow(i + 1, 1.1)).ToArray());
        _channels = new(ChannelWeights.Select(c => c.Channel).ToList(), ChannelWeights.Select(c => c.Weight).ToArray());
        // Beijing hours of the day: quiet at night, peaks mid-morning and mid-afternoon.
        _hours = [.. Enumerable.Range(0, 24).Select(h => h < 6 ? 0.3 : h < 8 ? 1.5 : h < 12 ? 6 : h < 14 ? 4 : h < 18 ? 5.5 : h < 22 ? 2.5 : 0.8)];
    }

    public DateOnly FirstDay => PlatformTime.LocalDate(_now).AddDays(-365 * Years + 1);

    public IEnumerable<IncidentFacts> Generate()
    {
        var today = PlatformTime.LocalDate(_now);
        var days = Enumerable.Range(0, today.DayNumber - FirstDay.DayNumber + 1).Select(n => FirstDay.AddDays(n)).ToList();
        var weights = days.Select(DayWeight).ToArray();
        var total = weights.Sum();
        var hours = new Weighted<int>([.. Enumerable.Range(0, 24)], _hours);
        long emitted = 0;
        double share = 0;
        var sequence = 0;
        for (var d = 0; d < days.Count; d++)
        {
            share += weights[d] / total;
            var upTo = d == days.Count - 1 ? _count : (long)Math.Round(share * _count);
            var start = PlatformTime.StartOf(days[d]);
            for (; emitted < upTo; emitted++)
            {
                var reportedAt = start.AddHours(hours.Next(_random)).AddSeconds(_random.Next(3600));
                if (reportedAt >= _now)
                    reportedAt = _now.AddSeconds(-1 - _random.Next(3600));
                yield return Incident(++sequence, reportedAt);
            }
        }
    }

    /// <summary>Fewer on weekends, more in summer (rain, stalls, construction), a lull at the Spring Festival.</summary>
    private static double DayWeight(DateOnly day)
    {
        var weekday = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.65 : 1.0;
        var seasonal = 1 + 0.25 * Math.Sin((day.DayOfYear - 100) / 365.0 * 2 * Math.PI);
        var festival = day.Month == 2 && day.Day <= 14 ? 0.6 : 1.0;
        return weekday * seasonal * festival;
    }

    private IncidentFacts Incident(int sequence, DateTimeOffset reportedAt)
    {
        var r = _random;
        var township = _townships.Next(r);
        var matter = r.NextDouble() < 0.015 ? null : _matters.Next(r);
        var channel = _channels.Next(r);
        // Ids in report order, as version-7 ids would be: deterministic, and kind to both B-trees.
        var id = new Guid(sequence, (short)0, (short)0x7000, [0x80, 0, 0, 0, 0, 0, 0, 0]);
        var duplicates = r.NextDouble() < 0.12 ? 1 + (int)(-Math.Log(1 - r.NextDouble()) * 1.2) : 0;
        var reports = 1 + duplicates;
        var fate = r.NextDouble();
        var age = _now - reportedAt;
        if (fate < 0.02 || matter is null)
            // Rejected at intake (not a matter of the list, outside the city): never dispatched, never closed.
            return Facts(id, reportedAt, null, null, channel, township, null, matter, false, null, null, false, 0, 0, 0, reports, duplicates, null);
        if (fate < 0.045)
            // Merged into an earlier incident (并案): all of its reports are duplicates.
            return Facts(id, reportedAt, null, null, channel, township, null, matter, false, null, null, false, 0, 0, 0, reports, reports, null);

        var department = LeadOf(matter, township);
        var dispatchedAt = reportedAt.AddMinutes(3 + r.Next(90));
        var limit = NaturalMinutes(matter.HandleLimit);
        var extended = r.NextDouble() < 0.05;
        var due = dispatchedAt.AddMinutes(limit * (extended ? 2 : 1));
        var returned = r.NextDouble() < 0.03 ? 1 + (r.NextDouble() < 0.2 ? 1 : 0) : 0;
        var reworked = r.NextDouble() < 0.04 ? 1 + (r.NextDouble() < 0.15 ? 1 : 0) : 0;
        // Handling within the limit for most; about 7% take longer than it (closed late).
        var late = r.NextDouble() < 0.07;
        var spent = late ? limit * (1.05 + 2 * r.NextDouble()) : limit * (0.05 + 0.9 * Math.Pow(r.NextDouble(), 1.5));
        var metAt = dispatchedAt.AddMinutes(spent);
        var closedAt = metAt.AddMinutes(20 + r.Next(1440));
        var handling = Math.Round(spent * 0.45 * (1 + reworked * 0.3), 2);
        // Still open: recent ones in the course of their work, and a thin backlog of old ones left behind.
        var open = closedAt >= _now || r.NextDouble() < 0.002;
        if (open)
        {
            var resolved = metAt < _now && r.NextDouble() < 0.5;
            var elapsed = (_now - dispatchedAt).TotalMinutes * 0.45;
            return Facts(id, reportedAt, dispatchedAt, null, channel, township, department, matter, true, due,
                resolved ? metAt : null, false, reworked, returned, extended ? 1 : 0, reports, duplicates,
                resolved ? handling : Math.Round(Math.Max(1, elapsed), 2));
        }
        return Facts(id, reportedAt, dispatchedAt, closedAt, channel, township, department, matter, false, due, metAt,
            metAt <= due, reworked, returned, extended ? 1 + (r.NextDouble() < 0.1 ? 1 : 0) : 0, reports, duplicates, handling);
    }

    private static IncidentFacts Facts(Guid id, DateTimeOffset reportedAt, DateTimeOffset? dispatchedAt, DateTimeOffset? closedAt,
        string channel, Region township, string? department, Matter? matter, bool isOpen, DateTimeOffset? due, DateTimeOffset? metAt,
        bool onTime, int reworked, int returned, int extensions, int reports, int joined, double? handling) =>
        new(id, Second(reportedAt), Second(dispatchedAt), Second(closedAt), channel, township.ParentCode, township.Code, department,
            matter?.Code, isOpen, Second(due), Second(metAt), onTime, reworked, returned, extensions, reports, joined, handling);

    // Whole seconds, in UTC: what PostgreSQL (microseconds) and SQLite (ticks) both store exactly.
    private static DateTimeOffset Second(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    private static DateTimeOffset? Second(DateTimeOffset? at) => at is { } a ? Second(a) : null;

    /// <summary>The active lead as the router would pick it: the township's team for delegated matters, else the county's department.</summary>
    private string? LeadOf(Matter matter, Region township)
    {
        var code = matter.LedByTownshipTeam
            ? Department.CodeFor(township.Code, DepartmentType.TownshipTeam)
            : Department.CodeFor(township.ParentCode!, matter.LeadDepartmentType);
        if (_reference.Departments.ContainsKey(code))
            return code;
        var city = Department.CodeFor(_reference.CityCode, matter.LeadDepartmentType);
        return _reference.Departments.ContainsKey(city) ? city : Department.CodeFor(township.ParentCode!, "ZHZF");
    }

    /// <summary>A limit in wall-clock minutes, roughly: a working day spans a calendar day, weekends stretch it.</summary>
    private static double NaturalMinutes(TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.WorkingHours => limit.Amount * 60 * 2.2,
        TimeLimitUnit.WorkingDays => limit.Amount * 1440 * 1.4,
        TimeLimitUnit.NaturalHours => limit.Amount * 60,
        _ => limit.Amount,
    };

    private static double CountyWeight(string county) => county switch
    {
        "330502" => 1.6, // 吴兴区, the city centre
        "330503" => 1.1, // 南浔区
        _ => 1.0,
    };

    private static int RankIn(List<Region> townships, Region township) =>
        townships.Where(t => t.ParentCode == township.ParentCode).TakeWhile(t => t.Code != township.Code).Count();
}

/// <summary>Draws items by weight, by binary search in the cumulative weights.</summary>
internal sealed class Weighted<T>(IReadOnlyList<T> items, double[] weights)
{
    private readonly double[] _cumulative = Cumulative(weights);

    public T Next(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return items[Math.Min(i < 0 ? ~i : i + 1, items.Count - 1)];
    }

    private static double[] Cumulative(double[] weights)
    {
        var sums = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
            sums[i] = sum += weights[i];
        return sums;
    }
}
