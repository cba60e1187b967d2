using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Notifications;

namespace Zhifa.Server.Features.Incidents;

/// <summary>
/// Actions that someone else must hear of at once: an escalation reaches the centre above, which now
/// handles the incident; a second return, which opens a dispute, reaches the handling centre, whose
/// duty commander rules; a suspension or resumption reaches the lead department, whose clock it stops
/// or restarts. Escalations and disputes go to the commander on duty at that centre by the roster, and
/// to the whole centre when its roster puts nobody on duty.
/// </summary>
internal static class ActionNotifications
{
    public static async Task AnnounceActionAsync(this NotificationCenter center, Incident incident, IncidentAction action, DutyRosters duty,
        DateTimeOffset now, CancellationToken ct)
    {
        var note = incident.Timeline[^1].Note ?? "";
        switch (action)
        {
            case IncidentAction.Escalate:
                center.Notify(new NotificationDraft(NotificationKinds.Escalation, $"上报：{incident.Number}", note,
                    await duty.RecipientAsync(incident.HandlingCenterCode, now, ct), incident.Id, incident.Number));
                break;
            // A dispute, opened by the second return or by a dispatcher after the first.
            case IncidentAction.Return when incident.Status == IncidentStatus.Disputed:
            case IncidentAction.Dispute:
                center.Notify(new NotificationDraft(NotificationKinds.Dispute, $"争议待裁定：{incident.Number}", note,
                    await duty.RecipientAsync(incident.HandlingCenterCode, now, ct), incident.Id, incident.Number));
                break;
            case IncidentAction.Suspend or IncidentAction.Resume when incident.Lead is { } lead:
                center.Notify(new NotificationDraft(NotificationKinds.Suspension, $"{(action == IncidentAction.Suspend ? "暂停" : "恢复")}：{incident.Number}", note,
                    NotificationRecipient.Department(lead.DepartmentCode), incident.Id, incident.Number));
                break;
        }
    }
}
