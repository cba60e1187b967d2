using Zhifa.Core.Analysis.Hotspots;

namespace Zhifa.Server.Features.Analysis.Hotspots;

/// <summary>One incident behind a figure, and where to read it.</summary>
public sealed record IncidentLink(Guid Id, string Number, string Href);

/// <summary>The week tested, the test's settings, and the cells that stand out, most significant first.</summary>
public sealed record HotspotWeekView(string? RegionCode, DateTimeOffset From, DateTimeOffset To, int BaselineWeeks, double RateFloor, double Alpha,
    int MinCount, int CellsTested, double Threshold, HotspotView[] Hotspots);

/// <summary>A cell of the week: a grid's matter, or (without a grid) the matter over the whole region.</summary>
public sealed record HotspotView(string? GridCode, string MatterCode, int Count, double Baseline, double Rate, double PValue, IncidentLink[] Incidents);

/// <summary>The chronic places at an instant: the window looked at, the rule, and the places, largest first.</summary>
public sealed record ChronicView(string? RegionCode, DateTimeOffset After, DateTimeOffset At, int Threshold, double RadiusMeters, ChronicPlaceView[] Places);

public sealed record ChronicPlaceView(string? GridCode, string MatterCode, double Lat, double Lon, int Count,
    DateTimeOffset FirstReportedAt, DateTimeOffset LastReportedAt, IncidentLink[] Incidents);

/// <summary>The warnings the enabled rules give at an instant, loudest first.</summary>
public sealed record WarningsView(string? RegionCode, DateTimeOffset At, WarningView[] Warnings);

public sealed record WarningView(Guid RuleId, string RuleName, WarningSeverity Severity, int Threshold, DateTimeOffset After, DateTimeOffset UpTo,
    int Count, IncidentLink[] Incidents);

public sealed record WarningRuleView(Guid Id, string Name, string? MatterCode, string? RegionCode, string? Channel, int Threshold, int WindowHours,
    WarningSeverity Severity, bool Enabled, DateTimeOffset UpdatedAt)
{
    public static WarningRuleView From(WarningRule r) =>
        new(r.Id, r.Name, r.MatterCode, r.RegionCode, r.Channel, r.Threshold, r.WindowHours, r.Severity, r.Enabled, r.UpdatedAt);
}

/// <summary>A warning rule as a client sends it: every field, on create and on change alike.</summary>
public sealed record WarningRuleBody(string? Name, string? MatterCode, string? RegionCode, string? Channel, int? Threshold, int? WindowHours,
    string? Severity, bool? Enabled);
