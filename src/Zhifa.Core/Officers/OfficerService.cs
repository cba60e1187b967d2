namespace Zhifa.Core.Officers;

/// <summary>
/// Which departments an officer serves: their home department, and the department of every team
/// they are a member of. A county officer stationed in a township team (县属乡用) therefore serves
/// both, and may be assigned to incidents led by either.
/// </summary>
public static class OfficerService
{
    public static IReadOnlySet<string> DepartmentsServed(Officer officer, IEnumerable<Team> teams) =>
        teams.Where(t => t.Has(officer.Id)).Select(t => t.DepartmentCode).Append(officer.DepartmentCode).ToHashSet(StringComparer.Ordinal);

    public static bool Serves(Officer officer, IEnumerable<Team> teams, string departmentCode) =>
        DepartmentsServed(officer, teams).Contains(departmentCode);

    /// <summary>Whether the officer may be sent to an incident led by <paramref name="departmentCode"/> on <paramref name="date"/>, and why not.</summary>
    public static string? RefusalToAssign(Officer officer, IEnumerable<Team> teams, string departmentCode, DateOnly date)
    {
        if (!Certificates.IsValidOn(officer, date))
            return $"{officer.Name} holds no valid enforcement certificate on {date:yyyy-MM-dd} ({Certificates.StateOn(officer, date)}).";
        if (!Serves(officer, teams, departmentCode))
            return $"{officer.Name} does not serve {departmentCode}, the incident's lead department.";
        return null;
    }
}
