using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Notifications;

/// <summary>What the inbox refuses: bad query values, notifications that are not the caller's, channel keys.</summary>
[Collection(ApiCollection.Name)]
public sealed class InboxErrorTests(ZhifaApp app)
{
    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-3", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?page=99999999999", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=ten", "pageSize")]
    [InlineData("?unread=maybe", "unread")]
    [InlineData("?unread=1", "unread")]
    public async Task Inbox_WithABadQueryValue_Answers400NamingTheField(string query, string field)
    {
        var (person, _) = await InboxApi.PersonAsync(app, Role.Dispatcher, "330503-ZHZX");

        await ProblemAssert.NamesFieldAsync(await person.GetAsync(InboxApi.Inbox + query), field);
    }

    [Fact]
    public async Task Read_WhenTheNotificationIsSomeoneElsesOrUnknown_Answers404AndMarksNothing()
    {
        var (owner, ownerId) = await InboxApi.PersonAsync(app, Role.Supervisor, "330500-ZHZX");
        var (other, _) = await InboxApi.PersonAsync(app, Role.Supervisor, "330500-ZHZX");
        var sent = await InboxApi.NotifyAsync(app, NotificationRecipient.User(ownerId));

        await ProblemAssert.IsProblemAsync(await other.PostAsync(InboxApi.Read(sent.Id), null), HttpStatusCode.NotFound, "notification.not_found");
        await ProblemAssert.IsProblemAsync(await other.PostAsync(InboxApi.Read(Guid.CreateVersion7()), null), HttpStatusCode.NotFound, "notification.not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(InboxApi.Inbox + "/not-an-id/read", null)).StatusCode);

        // The city centre's own notices (escalations from other tests) share the owner's inbox: look at this one.
        Assert.False(Assert.Single((await owner.ListAsync("?pageSize=100")).Items, n => n.Id == sent.Id).Read);
        var unread = await owner.UnreadAsync();
        await other.PostAsync(InboxApi.ReadAll, null);
        Assert.Equal(unread, await owner.UnreadAsync());
        Assert.False(Assert.Single((await owner.ListAsync("?pageSize=100")).Items, n => n.Id == sent.Id).Read);
    }

    [Fact]
    public async Task Inbox_ForAChannelKey_Answers403()
    {
        var key = await app.Cast.ChannelAsync("hotline12345");

        foreach (var response in new[]
        {
            await key.GetAsync(InboxApi.Inbox), await key.GetAsync(InboxApi.UnreadCount),
            await key.PostAsync(InboxApi.ReadAll, null), await key.PostAsync(InboxApi.Read(Guid.CreateVersion7()), null),
        })
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
