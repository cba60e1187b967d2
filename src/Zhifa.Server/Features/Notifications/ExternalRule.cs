using Zhifa.Data;

namespace Zhifa.Server.Features.Notifications;

/// <summary>
/// Which notifications also leave the platform. Every notification is in the inbox; only supervision
/// (督办) goes out as well, because it asks a department to act now and its staff are often away from
/// the platform:
/// <list type="bullet">
/// <item>a supervision notice goes by DingTalk (浙政钉) to its recipient;</item>
/// <item>at level 2 or more, addressed to a department, it also goes by SMS to that department's leaders.</item>
/// </list>
/// Reminders, extensions, suspensions and escalations stay in the inbox.
/// </summary>
public static class ExternalRule
{
    public const int SmsLevel = 2;

    public static IEnumerable<OutboundMessage> For(Notification row, int level)
    {
        if (row.Kind != NotificationKinds.Supervision)
            yield break;
        var to = NotificationRecipient.Of(row.UserId, row.DepartmentCode, row.CenterCode);
        yield return Message(NotificationChannels.DingTalk, leadersOnly: false);
        if (level >= SmsLevel && to.Type == RecipientType.Department)
            yield return Message(NotificationChannels.Sms, leadersOnly: true);

        OutboundMessage Message(string channel, bool leadersOnly) =>
            new(channel, row.Id, row.Kind, level, to, leadersOnly, row.Title, row.Body, row.IncidentId, row.IncidentNumber);
    }
}
