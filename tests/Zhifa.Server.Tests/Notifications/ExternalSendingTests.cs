using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhifa.Data;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Notifications;

/// <summary>
/// What leaves the platform: supervision notices by DingTalk, and by SMS to a department's leaders from
/// level 2; the rest stays in the inbox. Sending comes after the commit and never fails the caller.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExternalSendingTests(ZhifaApp app)
{
    private const string Department = "330503-NYNC";

    private static NotificationDraft Supervision(int level) => new(NotificationKinds.Supervision, "督办：河道非法捕捞逾期未办结",
        "市指挥中心督办：请于24小时内处置并反馈。", NotificationRecipient.Department(Department), Guid.CreateVersion7(), "330503-20261127-0007", level);

    [Fact]
    public async Task Dispatch_ForALevel2SupervisionOfADepartment_SendsDingTalkToItAndSmsToItsLeaders()
    {
        var sent = await InboxApi.NotifyAsync(app, Supervision(level: 2));

        var messages = Sent(sent.Id);
        var to = NotificationRecipient.Department(Department);
        Assert.Equal([(NotificationChannels.DingTalk, to, false), (NotificationChannels.Sms, to, true)], messages.Select(m => (m.Channel, m.To, m.LeadersOnly)));
        Assert.All(messages, m => Assert.Equal((NotificationKinds.Supervision, 2, "督办：河道非法捕捞逾期未办结", "市指挥中心督办：请于24小时内处置并反馈。", "330503-20261127-0007"),
            (m.Kind, m.Level, m.Title, m.Body, m.IncidentNumber)));

        // The shipped senders logged the same two messages, structured, each under its own category.
        var logged = Logged(sent.Id);
        Assert.Equal([(typeof(LoggingDingTalkSender).FullName!, "dingtalk", false), (typeof(LoggingSmsSender).FullName!, "sms", true)],
            logged.Select(e => (e.Category, e.Values["Channel"], e.Values["LeadersOnly"])));
        Assert.All(logged, e => Assert.Equal((LogLevel.Information, (object?)RecipientType.Department, (object?)Department, (object?)"330503-20261127-0007"),
            (e.Level, e.Values["RecipientType"], e.Values["RecipientCode"], e.Values["IncidentNumber"])));
        Assert.Contains("督办：河道非法捕捞逾期未办结", logged[0].Message);
    }

    [Fact]
    public async Task Dispatch_ForALevel1Supervision_SendsDingTalkOnly()
    {
        var sent = await InboxApi.NotifyAsync(app, Supervision(level: 1));

        Assert.Equal([NotificationChannels.DingTalk], Sent(sent.Id).Select(m => m.Channel));
        Assert.Single(Logged(sent.Id));
    }

    [Fact]
    public async Task Dispatch_ForOtherKinds_SendsNothingOutside()
    {
        foreach (var kind in new[] { NotificationKinds.Reminder, NotificationKinds.Extension, NotificationKinds.Suspension, NotificationKinds.Escalation })
        {
            var sent = await InboxApi.NotifyAsync(app, Supervision(level: 3) with { Kind = kind });
            Assert.Empty(Sent(sent.Id));
            Assert.Empty(Logged(sent.Id));
        }
    }

    [Fact]
    public async Task Dispatch_WhenAGatewayFails_LogsItAndStillHandsTheMessageToTheOthers()
    {
        app.Outbound.Failing = true;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();
            var row = center.Notify(Supervision(level: 2));
            await scope.ServiceProvider.GetRequiredService<ZhifaDbContext>().SaveChangesAsync();

            // The two logging senders took their messages; the two failing ones did not.
            Assert.Equal(2, await center.DispatchExternalAsync());
            Assert.Equal(2, Logged(row.Id).Count(e => e.Level == LogLevel.Information));
            Assert.Equal(2, app.NotificationLogs.Entries.Count(e => e.Level == LogLevel.Warning && Equals(e.Values.GetValueOrDefault("NotificationId"), row.Id)));
        }
        finally
        {
            app.Outbound.Failing = false;
        }
    }

    [Fact]
    public async Task Notify_OnlyAddsToTheCallersUnitOfWork_AndSendsNothingThatWasNotSaved()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();

        var discarded = center.Notify(Supervision(level: 2));
        Assert.Equal(EntityState.Added, db.Entry(discarded).State);
        Assert.False(await db.Notifications.AnyAsync(n => n.Id == discarded.Id));
        Assert.Equal(0, await center.DispatchExternalAsync());
        // The caller's change failed and was dropped: its notification goes with it.
        db.ChangeTracker.Clear();
        await db.SaveChangesAsync();
        Assert.Equal(0, await center.DispatchExternalAsync());

        var kept = center.Notify(Supervision(level: 1));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            // Not before the commit: an SMS cannot be taken back if the transaction rolls back.
            await Assert.ThrowsAsync<InvalidOperationException>(() => center.DispatchExternalAsync());
            await transaction.CommitAsync();
        }
        // One DingTalk message, taken by the logging sender and the recording one.
        Assert.Equal(2, await center.DispatchExternalAsync());
        Assert.Equal(0, await center.DispatchExternalAsync());
        Assert.Empty(Sent(discarded.Id));
        Assert.Single(Sent(kept.Id));
    }

    [Fact]
    public async Task Notify_WithADraftNoCallerShouldMake_Throws()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();

        foreach (var draft in new[]
        {
            Supervision(1) with { Kind = " " }, Supervision(1) with { Title = "" }, Supervision(1) with { Level = 0 },
            Supervision(1) with { Recipient = NotificationRecipient.Department("330503-NOPE") },
            Supervision(1) with { Recipient = NotificationRecipient.Center("999999-ZHZX") },
            Supervision(1) with { Recipient = new NotificationRecipient(RecipientType.User, "not-an-id") },
        })
            Assert.Throws<ArgumentException>(() => center.Notify(draft));
        // A long title is cut to what the table holds, not refused: the change it reports must not fail.
        Assert.Equal(Notification.MaxTitleLength, center.Notify(Supervision(1) with { Title = new string('督', 300) }).Title.Length);
    }

    private List<OutboundMessage> Sent(Guid notification) => [.. app.Outbound.Sent.Where(m => m.NotificationId == notification)];

    private List<RecordingLogs.Entry> Logged(Guid notification) =>
        [.. app.NotificationLogs.Entries.Where(e => e.Category.Contains("Logging") && Equals(e.Values.GetValueOrDefault("NotificationId"), notification))];
}
