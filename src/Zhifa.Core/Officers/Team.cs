namespace Zhifa.Core.Officers;

/// <summary>
/// An enforcement team (执法队伍/中队) of one department, e.g. 和孚镇's 综合行政执法队. Its members may be
/// officers of other departments of the same county, stationed here (县属乡用).
/// </summary>
public sealed class Team
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 64;

    private readonly List<TeamMember> _members = [];

    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string DepartmentCode { get; set; }
    /// <summary>The township the team works in, for a township team.</summary>
    public string? TownshipCode { get; set; }
    public IReadOnlyList<TeamMember> Members => _members;

    /// <summary>Replaces the members with <paramref name="officerIds"/> (duplicates once).</summary>
    public void SetMembers(IEnumerable<Guid> officerIds)
    {
        var wanted = officerIds.Distinct().ToList();
        // Members who stay keep their row, so a store tracking them sees only who left and who came.
        _members.RemoveAll(m => !wanted.Contains(m.OfficerId));
        _members.AddRange(wanted.Where(id => !Has(id)).Select(id => new TeamMember { TeamCode = Code, OfficerId = id }));
    }

    public bool Has(Guid officerId) => _members.Any(m => m.OfficerId == officerId);
}

public sealed class TeamMember
{
    public required string TeamCode { get; init; }
    public Guid OfficerId { get; init; }
}
