using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Notifications;

namespace Zhifa.Server.Features.Incidents;

/// <summary>
/// Actions that someone else must hear of at once: an escalation reaches the centre above, which now
/// handles the incident; a second return, which opens a dispute, reaches the handling centre, whose
/// duty commander rules; a suspension or resumption reaches the lead department, whose clock it stops
/// or restarts.
/// </summary>
internal static class ActionNotifications
{
    public static void AnnounceAction(this NotificationCenter center, Incident incident, IncidentAction action)
    {
        var note = incident.Timeline[^1].Note ?? "";
        switch (action)
        {
            case IncidentAction.Escalate:
                center.Notify(new NotificationDraft(NotificationKinds.Escalation, $"上报：{incident.Number}", note,
                    NotificationRecipient.Center(incident.HandlingCenterCode), incident.Id, incident.Number));
                break;
            case IncidentAction.Return when incident.Status == IncidentStatus.Disputed:
                center.Notify(new NotificationDraft(NotificationKinds.Dispute, $"争议待裁定：{incident.Number}", note,
                    NotificationRecipient.Center(incident.HandlingCenterCode), incident.Id, incident.Number));
                break;
            case IncidentAction.Suspend or IncidentAction.Resume when incident.Lead is { } lead:
                center.Notify(new NotificationDraft(NotificationKinds.Suspension, $"{(action == IncidentAction.Suspend ? "暂停" : "恢复")}：{incident.Number}", note,
                    NotificationRecipient.Department(lead.DepartmentCode), incident.Id, incident.Number));
                break;
        }
    }
}
