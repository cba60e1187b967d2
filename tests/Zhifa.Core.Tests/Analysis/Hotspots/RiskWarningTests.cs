using Zhifa.Core.Analysis.Hotspots;
using static Zhifa.Core.Tests.Analysis.Hotspots.Reports;

namespace Zhifa.Core.Tests.Analysis.Hotspots;

/// <summary>Warning rules: a threshold of matching reports within a window ending at the look.</summary>
public class RiskWarningTests
{
    private static readonly DateTimeOffset Now = Monday.AddHours(10);

    private static WarningRule Rule(int threshold = 3, int hours = 24, string? matter = null, string? region = null, string? channel = null,
        WarningSeverity severity = WarningSeverity.Warning, bool enabled = true, string name = "rule") =>
        new() { Id = Guid.NewGuid(), Name = name, Threshold = threshold, WindowHours = hours, MatterCode = matter, RegionCode = region, Channel = channel, Severity = severity, Enabled = enabled };

    [Fact]
    public void ExactlyTheThreshold_Fires_AndListsTheIncidentsOldestFirst()
    {
        var reports = new[] { At(Now.AddHours(-1)), At(Now.AddHours(-20)), At(Now) };
        var rule = Rule();

        var warning = Assert.Single(RiskWarnings.Evaluate([rule], reports, Now));

        Assert.Equal((rule.Id, 3, 3, WarningSeverity.Warning), (warning.RuleId, warning.Count, warning.Threshold, warning.Severity));
        Assert.Equal([reports[1].IncidentId, reports[0].IncidentId, reports[2].IncidentId], warning.IncidentIds);
        Assert.Equal((Now.AddHours(-24), Now), (warning.After, warning.UpTo));
    }

    [Fact]
    public void OneBelowTheThreshold_DoesNotFire() =>
        Assert.Empty(RiskWarnings.Evaluate([Rule()], [At(Now.AddHours(-1)), At(Now)], Now));

    [Fact]
    public void TheWindow_ExcludesItsStart_IncludesTheLook_AndNothingAfter()
    {
        var start = Now.AddHours(-24);
        Assert.Empty(RiskWarnings.Evaluate([Rule()], [At(start), At(start.AddTicks(1)), At(Now), At(Now.AddTicks(1))], Now));
        Assert.Single(RiskWarnings.Evaluate([Rule()], [At(start.AddTicks(1)), At(Now.AddHours(-12)), At(Now)], Now));
    }

    [Fact]
    public void EachFilter_CountsOnlyWhatItNames()
    {
        var reports = new[]
        {
            At(Now, "SR01", channel: "hotline12345"), At(Now, "SR01", channel: "grid"), At(Now, "SR01", county: Changxing, township: "330522001"),
            At(Now, "SY01"), At(Now, "SR01", township: null),
        };

        Assert.Equal(4, Assert.Single(RiskWarnings.Evaluate([Rule(matter: "SR01")], reports, Now)).Count);
        Assert.Equal(4, Assert.Single(RiskWarnings.Evaluate([Rule(region: Nanxun)], reports, Now)).Count);
        Assert.Equal(3, Assert.Single(RiskWarnings.Evaluate([Rule(region: Hefu)], reports, Now)).Count);
        Assert.Empty(RiskWarnings.Evaluate([Rule(region: Hefu, matter: "SR01", threshold: 3)], reports, Now));
        Assert.Equal(1, Assert.Single(RiskWarnings.Evaluate([Rule(channel: "hotline12345", threshold: 1)], reports, Now)).Count);
    }

    [Fact]
    public void ADisabledRule_NeverFires() =>
        Assert.Empty(RiskWarnings.Evaluate([Rule(threshold: 1, enabled: false)], [At(Now)], Now));

    [Fact]
    public void NoReports_OrNoRules_NoWarnings()
    {
        Assert.Empty(RiskWarnings.Evaluate([Rule(threshold: 1)], [], Now));
        Assert.Empty(RiskWarnings.Evaluate([], [At(Now)], Now));
    }

    [Fact]
    public void Warnings_ComeLoudestFirst()
    {
        var rules = new[] { Rule(1, severity: WarningSeverity.Notice, name: "a"), Rule(1, severity: WarningSeverity.Alarm, name: "b"), Rule(1, name: "c") };

        var warnings = RiskWarnings.Evaluate(rules, [At(Now)], Now);

        Assert.Equal([WarningSeverity.Alarm, WarningSeverity.Warning, WarningSeverity.Notice], warnings.Select(w => w.Severity));
    }
}
