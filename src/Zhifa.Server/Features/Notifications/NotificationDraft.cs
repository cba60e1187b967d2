using Zhifa.Data;

namespace Zhifa.Server.Features.Notifications;

/// <summary>The kinds of notice the platform sends. A kind is a short stable string that clients switch on.</summary>
public static class NotificationKinds
{
    /// <summary>催办: a deadline is near or past.</summary>
    public const string Reminder = "reminder";
    /// <summary>督办: a centre supervises an incident; the only kind that also goes out by DingTalk and SMS (see <see cref="ExternalRule"/>).</summary>
    public const string Supervision = "supervision";
    public const string Extension = "extension";
    public const string Suspension = "suspension";
    public const string Escalation = "escalation";
    /// <summary>争议: a department returned the same incident a second time; the centre's duty commander rules.</summary>
    public const string Dispute = "dispute";
}

public enum RecipientType { User, Department, Center }

/// <summary>
/// Who a notification is for: one user (the code is their id), one department's staff, or one command
/// centre's dispatchers, duty commanders, supervisors and analysts. One type, one code: always exactly one recipient.
/// </summary>
public sealed record NotificationRecipient(RecipientType Type, string Code)
{
    public static NotificationRecipient User(Guid userId) => new(RecipientType.User, userId.ToString());
    public static NotificationRecipient Department(string departmentCode) => new(RecipientType.Department, departmentCode);
    public static NotificationRecipient Center(string centerCode) => new(RecipientType.Center, centerCode);

    /// <summary>The recipient a stored row names (the table's check constraint keeps it to one).</summary>
    public static NotificationRecipient Of(Guid? userId, string? departmentCode, string? centerCode) =>
        userId is { } user ? User(user) : departmentCode is { } department ? Department(department) : Center(centerCode!);
}

/// <summary>
/// What a feature asks <see cref="NotificationCenter.Notify"/> to send. <paramref name="Level"/> is the
/// notice's urgency (督办 level 1 to 3); it decides external sending only and is not stored.
/// </summary>
public sealed record NotificationDraft(
    string Kind,
    string Title,
    string Body,
    NotificationRecipient Recipient,
    Guid? IncidentId = null,
    string? IncidentNumber = null,
    int Level = 1)
{
    /// <summary>The row, with a title and body cut to what the table holds: a long address in a notice must not fail the change it reports.</summary>
    internal Notification ToRow(DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CreatedAt = now,
        Kind = Kind,
        Title = Core.Text.Truncate(Title, Notification.MaxTitleLength),
        Body = Core.Text.Truncate(Body, Notification.MaxBodyLength),
        IncidentId = IncidentId,
        IncidentNumber = IncidentNumber,
        UserId = Recipient.Type == RecipientType.User ? Guid.Parse(Recipient.Code) : null,
        DepartmentCode = Recipient.Type == RecipientType.Department ? Recipient.Code : null,
        CenterCode = Recipient.Type == RecipientType.Center ? Recipient.Code : null,
    };
}
