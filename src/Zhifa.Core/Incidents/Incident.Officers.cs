namespace Zhifa.Core.Incidents;

public sealed partial class Incident
{
    public const string AssignOfficersAction = "assign-officers";

    /// <summary>
    /// The lead department names the officers who handle the incident on site. Not a row of the
    /// life-cycle table: the status stays; only work still to be done takes officers.
    /// </summary>
    public void AssignOfficers(IReadOnlyList<string> officerNames, string actor, DateTimeOffset now)
    {
        if (Status is not (IncidentStatus.Dispatched or IncidentStatus.InProgress))
            throw new DomainException("incident.officers_not_open", $"Incident {Number} is {Status}; officers are assigned while it is Dispatched or InProgress.");
        if (officerNames.Count == 0)
            throw new DomainException("incident.officers_none", "Name at least one officer.");
        Record(AssignOfficersAction, Status, actor, now, "officers: " + string.Join("、", officerNames));
    }
}
