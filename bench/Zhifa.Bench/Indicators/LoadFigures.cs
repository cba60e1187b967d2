using Zhifa.Core.Analysis;

namespace Zhifa.Bench.Indicators;

/// <summary>What was generated (its distributions, to check they are the ones described) and what loading it cost.</summary>
internal sealed class LoadFigures(int incidents)
{
    private long _closed, _closedLate, _open, _openOverdue, _rejectedOrMerged, _reworked, _returned, _extended, _reports, _joined;
    private DateTimeOffset _first = DateTimeOffset.MaxValue, _last = DateTimeOffset.MinValue;
    private readonly Dictionary<string, long> _channels = [];
    private readonly Dictionary<string, long> _matters = [];
    private readonly HashSet<string> _departments = [];
    private readonly HashSet<string> _townships = [];

    public TimeSpan Facts { get; set; }
    public TimeSpan FactWrites { get; set; }
    public TimeSpan Days { get; set; }
    public TimeSpan Analyze { get; set; }
    public List<(string Table, long Rows, long Bytes)> Sizes { get; set; } = [];

    public void Count(IncidentFacts f, DateTimeOffset now)
    {
        if (f.ReportedAt < _first) _first = f.ReportedAt;
        if (f.ReportedAt > _last) _last = f.ReportedAt;
        if (f.ClosedAt is not null)
        {
            _closed++;
            if (!f.ClosedOnTime) _closedLate++;
        }
        else if (f.IsOpen)
        {
            _open++;
            if (Zhifa.Core.Analysis.Indicators.OverdueSince(f) < now) _openOverdue++;
        }
        else
            _rejectedOrMerged++;
        if (f.ReworkCount > 0) _reworked++;
        if (f.ReturnCount > 0) _returned++;
        if (f.ExtensionCount > 0) _extended++;
        _reports += f.Reports;
        _joined += f.JoinedReports;
        _channels[f.Channel] = _channels.GetValueOrDefault(f.Channel) + 1;
        _matters[f.MatterCode ?? "(none)"] = _matters.GetValueOrDefault(f.MatterCode ?? "(none)") + 1;
        if (f.LeadDepartmentCode is { } department) _departments.Add(department);
        if (f.TownshipCode is { } township) _townships.Add(township);
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Generated: {incidents:N0} incidents reported {_first:yyyy-MM-dd} to {_last:yyyy-MM-dd} (UTC), seeded");
        Report.Line("places, lead departments, matters", $"{_townships.Count} townships, {_departments.Count} departments, {_matters.Count} matter keys");
        Report.Line("closed (of them late)", $"{Share(_closed)} ({100.0 * _closedLate / Math.Max(1, _closed):0.0}% of the closed)");
        Report.Line("open (of them overdue now)", $"{Share(_open)} ({_openOverdue:N0} overdue)");
        Report.Line("rejected or merged", Share(_rejectedOrMerged));
        Report.Line("reworked / returned / extended", $"{Share(_reworked)} / {Share(_returned)} / {Share(_extended)}");
        Report.Line("duplicate reports", $"{_joined:N0} of {_reports:N0} reports ({100.0 * _joined / _reports:0.0}%)");
        Report.Line("channels", string.Join(", ", _channels.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {100.0 * c.Value / incidents:0.0}%")));
        Report.Line("top matters", string.Join(", ", _matters.OrderByDescending(c => c.Value).Take(5).Select(c => $"{c.Key} {100.0 * c.Value / incidents:0.0}%")));

        Console.WriteLine();
        Console.WriteLine("Load");
        Report.Line("facts: generate, sum cells, write", $"{Facts.TotalSeconds:0.0} s ({incidents / Facts.TotalSeconds:N0} incidents/s; {FactWrites.TotalSeconds:0.0} s of it writing)");
        Report.Line("aggregate cells: sort and write", $"{Days.TotalSeconds:0.0} s");
        Report.Line("analyze", $"{Analyze.TotalSeconds:0.0} s");
        foreach (var (table, rows, bytes) in Sizes)
            Report.Line(table, $"{rows:N0} rows, {bytes / 1024.0 / 1024:N0} MiB with indexes ({(double)bytes / Math.Max(1, rows):0} B/row)");
    }

    private string Share(long n) => $"{n:N0} ({100.0 * n / incidents:0.0}%)";
}
