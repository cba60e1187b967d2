using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Notifications;

/// <summary>The in-app inbox: who a notification reaches, and read marks kept per person.</summary>
[Collection(ApiCollection.Name)]
public sealed class InboxTests(ZhifaApp app)
{
    [Fact]
    public async Task Inbox_WhenAUserIsNotified_ShowsItToThemUnreadAndToNobodyElse()
    {
        var (owner, ownerId) = await InboxApi.PersonAsync(app, Role.GridWorker, "330503106-ZHZX");
        var (other, _) = await InboxApi.PersonAsync(app, Role.GridWorker, "330503106-ZHZX");

        var sent = await InboxApi.NotifyAsync(app, new NotificationDraft(NotificationKinds.Reminder, "核查任务即将超时", "请于今日17:00前完成核查。",
            NotificationRecipient.User(ownerId), Guid.CreateVersion7(), "330503-20261127-0001"));

        var inbox = await owner.ListAsync();
        var item = Assert.Single(inbox.Items);
        Assert.Equal((1, 1, 1, InboxEndpoints.DefaultPageSize), (inbox.Total, inbox.Unread, inbox.Page, inbox.PageSize));
        Assert.Equal((sent.Id, "reminder", "核查任务即将超时", "请于今日17:00前完成核查。", sent.IncidentId, "330503-20261127-0001", false),
            (item.Id, item.Kind, item.Title, item.Body, item.IncidentId, item.IncidentNumber, item.Read));
        Assert.Equal(NotificationRecipient.User(ownerId), item.Recipient);
        Assert.Equal(app.Time.GetUtcNow(), item.CreatedAt);
        Assert.Empty((await other.ListAsync()).Items);
        Assert.Equal(0, await other.UnreadAsync());
    }

    [Fact]
    public async Task Read_WhenOneMemberReadsADepartmentNotification_StaysUnreadForAnother()
    {
        const string department = "330503-SCJG";
        var (first, _) = await InboxApi.PersonAsync(app, Role.DepartmentOfficer, departmentCode: department);
        var (second, _) = await InboxApi.PersonAsync(app, Role.DepartmentLeader, departmentCode: department);
        var (elsewhere, _) = await InboxApi.PersonAsync(app, Role.DepartmentOfficer, departmentCode: "330502-SCJG");
        var sent = await InboxApi.NotifyAsync(app, NotificationRecipient.Department(department));

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync(InboxApi.Read(sent.Id), null)).StatusCode);
        // Marking again is harmless.
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync(InboxApi.Read(sent.Id), null)).StatusCode);

        var mine = Assert.Single((await first.ListAsync()).Items, n => n.Id == sent.Id);
        var theirs = Assert.Single((await second.ListAsync()).Items, n => n.Id == sent.Id);
        Assert.Equal((true, false), (mine.Read, theirs.Read));
        Assert.Equal(new NotificationRecipient(RecipientType.Department, department), theirs.Recipient);
        Assert.Equal((0, 1), (await first.UnreadAsync(), await second.UnreadAsync()));
        Assert.DoesNotContain((await elsewhere.ListAsync()).Items, n => n.Id == sent.Id);
    }

    [Fact]
    public async Task Inbox_WhenACentreIsNotified_ReachesItsRegionReadersButNotDepartmentsOrOtherCentres()
    {
        const string centre = "330503106-ZHZX";
        var sent = await InboxApi.NotifyAsync(app, NotificationRecipient.Center(centre), kind: NotificationKinds.Escalation);

        foreach (var role in new[] { Role.Dispatcher, Role.DutyCommander, Role.Supervisor, Role.Analyst })
        {
            var (reader, _) = await InboxApi.PersonAsync(app, role, centre);
            var item = Assert.Single((await reader.ListAsync("?pageSize=100")).Items, n => n.Id == sent.Id);
            Assert.Equal((sent.Id, RecipientType.Center, centre), (item.Id, item.Recipient.Type, item.Recipient.Code));
        }
        // Not the centre's grid workers, not a department's officer, not the county centre above it.
        var (grid, _) = await InboxApi.PersonAsync(app, Role.GridWorker, centre);
        var (officer, _) = await InboxApi.PersonAsync(app, Role.DepartmentOfficer, departmentCode: "330503106-ZFD");
        var (county, _) = await InboxApi.PersonAsync(app, Role.Dispatcher, "330503-ZHZX");
        foreach (var outsider in new[] { grid, officer, county })
        {
            Assert.DoesNotContain((await outsider.ListAsync()).Items, n => n.Id == sent.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(InboxApi.Read(sent.Id), null)).StatusCode);
        }
    }

    [Fact]
    public async Task Inbox_WithUnreadFilter_ListsNewestFirstAndCountsWhatIsUnread()
    {
        const string department = "330503-STHJ";
        var (officer, officerId) = await InboxApi.PersonAsync(app, Role.DepartmentOfficer, departmentCode: department);
        var older = await InboxApi.NotifyAsync(app, NotificationRecipient.User(officerId), "一");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var middle = await InboxApi.NotifyAsync(app, NotificationRecipient.Department(department), "二");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var newest = await InboxApi.NotifyAsync(app, NotificationRecipient.User(officerId), "三");
        await officer.PostAsync(InboxApi.Read(middle.Id), null);

        Assert.Equal([newest.Id, middle.Id, older.Id], (await officer.ListAsync()).Items.Select(n => n.Id));
        var unread = await officer.ListAsync("?unread=true");
        Assert.Equal([newest.Id, older.Id], unread.Items.Select(n => n.Id));
        Assert.Equal((2, 2), (unread.Total, unread.Unread));
        var read = await officer.ListAsync("?unread=false");
        Assert.Equal(middle.Id, Assert.Single(read.Items).Id);
        Assert.Equal((1, 2), (read.Total, read.Unread));
        Assert.Equal(2, await officer.UnreadAsync());

        var second = await officer.ListAsync("?page=2&pageSize=2");
        Assert.Equal(older.Id, Assert.Single(second.Items).Id);
        Assert.Equal((3, 2, 2), (second.Total, second.Page, second.PageSize));
        Assert.Empty((await officer.ListAsync($"?page={int.MaxValue}&pageSize=100")).Items);
    }

    [Fact]
    public async Task ReadAll_MarksEverythingUnreadInTheInbox_OnceOnly()
    {
        const string department = "330503-ZHZF";
        var (officer, officerId) = await InboxApi.PersonAsync(app, Role.DepartmentOfficer, departmentCode: department);
        var (colleague, _) = await InboxApi.PersonAsync(app, Role.DepartmentOfficer, departmentCode: department);
        var read = await InboxApi.NotifyAsync(app, NotificationRecipient.User(officerId));
        await InboxApi.NotifyAsync(app, NotificationRecipient.User(officerId));
        await InboxApi.NotifyAsync(app, NotificationRecipient.Department(department));
        await officer.PostAsync(InboxApi.Read(read.Id), null);

        var marked = await (await officer.PostAsync(InboxApi.ReadAll, null)).ReadAsync<MarkedRead>();

        Assert.Equal(2, marked.Marked);
        Assert.Equal(0, await officer.UnreadAsync());
        Assert.All((await officer.ListAsync()).Items, n => Assert.True(n.Read));
        Assert.Equal(0, (await (await officer.PostAsync(InboxApi.ReadAll, null)).ReadAsync<MarkedRead>()).Marked);
        // The department's notice is still unread for the colleague.
        Assert.Equal(1, await colleague.UnreadAsync());
    }
}
