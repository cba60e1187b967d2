using Zhifa.Core.Organization;

namespace Zhifa.Core.Incidents;

/// <summary>
/// One row of the life-cycle table. <paramref name="Guard"/> names the reason the row does not
/// apply to a particular incident (null when it does), so the table alone explains every refusal.
/// </summary>
public sealed record Transition(
    IncidentStatus? From,
    IncidentAction Action,
    IncidentStatus To,
    IReadOnlyList<Role> Who,
    Func<Incident, string?>? Guard = null);
