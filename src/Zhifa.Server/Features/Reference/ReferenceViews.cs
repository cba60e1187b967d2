using Zhifa.Core.Matters;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Features.Reference;

public sealed record Point(double Lat, double Lon);

/// <summary>A region; <see cref="BoundaryWkt"/> only when one region is asked for.</summary>
public sealed record RegionView(string Code, string Name, string? NameEn, RegionLevel Level, string? ParentCode, string? Kind, Point Center, string CommandCenterCode, string? BoundaryWkt)
{
    public static RegionView From(Region r, bool withBoundary = false) =>
        new(r.Code, r.Name, r.NameEn, r.Level, r.ParentCode, r.Kind, new(r.CenterLat, r.CenterLon), CommandCenter.CodeFor(r.Code), withBoundary ? r.BoundaryWkt : null);
}

public sealed record GridView(string Code, string Name, string TownshipCode, string CountyCode, Point Center, string? BoundaryWkt)
{
    public static GridView From(Grid g, bool withBoundary = false) =>
        new(g.Code, g.Name, g.TownshipCode, g.CountyCode, new(g.CenterLat, g.CenterLon), withBoundary ? g.BoundaryWkt : null);
}

public sealed record DepartmentView(string Code, string Name, string TypeCode, string RegionCode)
{
    public static DepartmentView From(Department d) => new(d.Code, d.Name, d.TypeCode, d.RegionCode);
}

public sealed record DepartmentTypeView(string Code, string Name, string NameEn, IReadOnlyList<RegionLevel> Levels)
{
    public static DepartmentTypeView From(DepartmentType t) => new(t.Code, t.Name, t.NameEn, t.Levels);
}

public sealed record CommandCenterView(string Code, string Name, string RegionCode, RegionLevel Level, string? ParentCode)
{
    public static CommandCenterView From(CommandCenter c) => new(c.Code, c.Name, c.RegionCode, c.Level, c.ParentCode);
}

public sealed record MatterView(
    string Code, string Category, string Name, string NameEn, string LeadDepartmentType, bool DelegatedToTownship,
    IReadOnlyList<string> CoDepartmentTypes, string AcceptLimit, string HandleLimit, Priority Priority, string? LegalBasis,
    int DuplicateRadiusMeters, int DuplicateWindowHours)
{
    public static MatterView From(Matter m) => new(
        m.Code, m.Category, m.Name, m.NameEn, m.LeadDepartmentType, m.DelegatedToTownship,
        m.CoDepartmentTypes, m.AcceptLimit.ToString(), m.HandleLimit.ToString(), m.Priority, m.LegalBasis,
        m.DuplicateRadiusMeters, m.DuplicateWindowHours);
}
