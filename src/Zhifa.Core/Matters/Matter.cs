using Zhifa.Core.Organization;

namespace Zhifa.Core.Matters;

/// <summary>One line of the responsibility list (责任清单): a kind of problem and who handles it.</summary>
public sealed class Matter
{
    public required string Code { get; init; }
    public required string Category { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public required string LeadDepartmentType { get; set; }
    /// <summary>Power delegated to the township team (权力下沉): the township handles it.</summary>
    public bool DelegatedToTownship { get; set; }
    public IReadOnlyList<string> CoDepartmentTypes { get; set; } = [];
    public TimeLimit AcceptLimit { get; set; }
    public TimeLimit HandleLimit { get; set; }
    public Priority Priority { get; set; }
    public string? LegalBasis { get; set; }
    /// <summary>How far apart two reports may be and still be one problem: a stall is one spot, a spilling truck a stretch of road.</summary>
    public int DuplicateRadiusMeters { get; set; } = DefaultDuplicateRadiusMeters;
    /// <summary>How long after an incident's report a new report may still be the same problem: noise recurs for days, a building for weeks.</summary>
    public int DuplicateWindowHours { get; set; } = DefaultDuplicateWindowHours;

    public const int DefaultDuplicateRadiusMeters = 100;
    public const int DefaultDuplicateWindowHours = 72;

    /// <summary>Whether the township team (rather than a county department) leads this matter.</summary>
    public bool LedByTownshipTeam => DelegatedToTownship || LeadDepartmentType == DepartmentType.TownshipTeam;
}
