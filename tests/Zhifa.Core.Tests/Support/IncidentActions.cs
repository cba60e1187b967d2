using Zhifa.Core.Incidents;

namespace Zhifa.Core.Tests.Support;

/// <summary>Invokes the <see cref="Incident"/> method behind an action, with plausible arguments.</summary>
internal static class IncidentActions
{
    public static void Invoke(Incident incident, IncidentAction action, DateTimeOffset now)
    {
        const string actor = "actor-1";
        switch (action)
        {
            case IncidentAction.Dispatch:
                incident.Dispatch(IncidentBuilder.LeadDepartment, IncidentBuilder.CoDepartments, TestMatters.Sy01(), actor, now);
                break;
            case IncidentAction.Reject:
                incident.Reject("reason", actor, now);
                break;
            case IncidentAction.Merge:
                incident.MergeInto(IncidentBuilder.Reported(2000), actor, now);
                break;
            case IncidentAction.Escalate:
                incident.Escalate(IncidentBuilder.ParentCenter, "reason", actor, now);
                break;
            case IncidentAction.Dispute:
                incident.Dispute("reason", actor, now);
                break;
            case IncidentAction.Rule:
                incident.Rule(IncidentBuilder.LeadDepartment, [], "reason", "渔业法", actor, now);
                break;
            case IncidentAction.Accept:
                incident.Accept(actor, now);
                break;
            case IncidentAction.Return:
                incident.Return("reason", null, actor, now);
                break;
            case IncidentAction.Resolve:
                // The co-departments' parts come first, where the table would otherwise wait for them.
                if (incident.Status == IncidentStatus.InProgress)
                    IncidentBuilder.FinishCoWork(incident);
                incident.Resolve("result", actor, now);
                break;
            case IncidentAction.Suspend:
                incident.Suspend("reason", actor, now);
                break;
            case IncidentAction.Resume:
                incident.Resume(actor, now);
                break;
            case IncidentAction.VerifyPassed:
                incident.Verify(true, actor, now);
                break;
            case IncidentAction.VerifyFailed:
                incident.Verify(false, actor, now);
                break;
            case IncidentAction.Reopen:
                incident.Reopen("reason", actor, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "report creates an incident; it is not an action on one");
        }
    }
}
