using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;

namespace Zhifa.Server.Features.Incidents;

internal static class IncidentIncludes
{
    /// <summary>An incident with everything its detail shows: clues, assignments, timeline, duplicate candidates, deadlines, disputes.</summary>
    public static IQueryable<Incident> WithDetails(this IQueryable<Incident> incidents) =>
        incidents.Include(i => i.Clues).Include(i => i.Assignments).Include(i => i.Timeline).Include(i => i.DuplicateCandidates)
            .Include(i => i.Deadlines).Include(i => i.Disputes).AsSplitQuery();
}
