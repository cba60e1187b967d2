namespace Zhifa.Data;

/// <summary>
/// One notice in the in-app inbox (督办, 催办, 延期 …). It has exactly one recipient: a user, a
/// department (every member of its staff) or a command centre (its dispatchers, duty commanders,
/// supervisors and analysts). Written with the change that caused it and never changed after.
/// </summary>
public sealed class Notification
{
    public const int MaxKindLength = 32;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;
    public const int MaxIncidentNumberLength = 32;

    public Guid Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public Guid? IncidentId { get; init; }
    public string? IncidentNumber { get; init; }
    public Guid? UserId { get; init; }
    public string? DepartmentCode { get; init; }
    public string? CenterCode { get; init; }
}

/// <summary>
/// One person's read mark on a notification. Apart from the notification because one
/// department-wide or centre-wide notice is unread for each member until that member reads it.
/// </summary>
public sealed class NotificationRead
{
    public Guid NotificationId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset ReadAt { get; init; }
}
