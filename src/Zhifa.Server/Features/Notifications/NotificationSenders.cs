namespace Zhifa.Server.Features.Notifications;

public static class NotificationChannels
{
    public const string Sms = "sms";
    /// <summary>浙政钉, Zhejiang's government DingTalk.</summary>
    public const string DingTalk = "dingtalk";
}

/// <summary>
/// One message for a channel outside the platform. <paramref name="To"/> is the notification's recipient;
/// with <paramref name="LeadersOnly"/> only its leaders (a department's DepartmentLeader staff) are meant.
/// A sender maps the recipient to phone numbers or DingTalk ids from its own directory.
/// </summary>
public sealed record OutboundMessage(
    string Channel,
    Guid NotificationId,
    string Kind,
    int Level,
    NotificationRecipient To,
    bool LeadersOnly,
    string Title,
    string Body,
    Guid? IncidentId,
    string? IncidentNumber);

/// <summary>A gateway to an external channel. Every sender registered for a message's channel gets it.</summary>
public interface INotificationSender
{
    /// <summary><see cref="NotificationChannels.Sms"/> or <see cref="NotificationChannels.DingTalk"/>.</summary>
    string Channel { get; }

    Task SendAsync(OutboundMessage message, CancellationToken ct);
}

/// <summary>
/// The shipped senders: no SMS gateway or DingTalk app is contracted yet, so they log, structured, what
/// they would send. A deployment replaces them by registering its own <see cref="INotificationSender"/>.
/// </summary>
public abstract class LoggingSender(ILogger logger) : INotificationSender
{
    public abstract string Channel { get; }

    public Task SendAsync(OutboundMessage message, CancellationToken ct)
    {
        logger.LogInformation(
            "Would send by {Channel} to {RecipientType} {RecipientCode} (leaders only: {LeadersOnly}): {Title} | {Body} " +
            "[notification {NotificationId}, {Kind}, level {Level}, incident {IncidentNumber}]",
            message.Channel, message.To.Type, message.To.Code, message.LeadersOnly, message.Title, message.Body,
            message.NotificationId, message.Kind, message.Level, message.IncidentNumber);
        return Task.CompletedTask;
    }
}

public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : LoggingSender(logger)
{
    public override string Channel => NotificationChannels.Sms;
}

public sealed class LoggingDingTalkSender(ILogger<LoggingDingTalkSender> logger) : LoggingSender(logger)
{
    public override string Channel => NotificationChannels.DingTalk;
}
