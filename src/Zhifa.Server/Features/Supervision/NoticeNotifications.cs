using Zhifa.Core.Organization;
using Zhifa.Core.Supervision;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Supervision;

/// <summary>
/// Every notice reaches its addressee's inbox: the department, or the handling centre for a
/// verification. A level-3 notice (挂牌督办) is reported to the city centre as well.
/// </summary>
internal static class NoticeNotifications
{
    public static void Announce(this NotificationCenter center, SupervisionNotice notice, ReferenceData reference)
    {
        var (kind, level) = notice.Level == SupervisionLevel.Reminder
            ? (NotificationKinds.Reminder, 1)
            : (NotificationKinds.Supervision, (int)notice.Level);
        var title = $"{Name(notice.Level)}{(notice.Number is null ? "" : " " + notice.Number)}：{notice.IncidentNumber}";
        var to = notice.DepartmentCode is { } department ? NotificationRecipient.Department(department) : NotificationRecipient.Center(notice.CenterCode);
        center.Notify(new NotificationDraft(kind, title, notice.Reason, to, notice.IncidentId, notice.IncidentNumber, level));
        var city = CommandCenter.CodeFor(reference.CityCode);
        if (notice.Level == SupervisionLevel.Listed && notice.CenterCode != city)
            center.Notify(new NotificationDraft(kind, title, notice.Reason, NotificationRecipient.Center(city), notice.IncidentId, notice.IncidentNumber, level));
    }

    public static string Name(SupervisionLevel level) => level switch
    {
        SupervisionLevel.Reminder => "催办",
        SupervisionLevel.Notice => "督办单",
        SupervisionLevel.Priority => "重点督办",
        _ => "挂牌督办",
    };
}
