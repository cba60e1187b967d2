using System.Net;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Tests.Notifications;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The inbox's rules: every person has one, a channel key has none.</summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>长兴县's agriculture bureau: no matrix caller is its staff, so its notice is in nobody's inbox here.</summary>
    private const string ElsewhereDepartment = "330522-NYNC";

    private readonly Dictionary<Caller, Guid> _notices = [];
    private Guid? _elsewhereNotice;

    private void AddInboxRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var people = People;
        rules["GET /api/v1/inbox"] = new(people, (c, _) => Send(c, HttpMethod.Get, "/api/v1/inbox?pageSize=5"), ok, ok);
        rules["GET /api/v1/inbox/unread-count"] = new(people, (c, _) => Send(c, HttpMethod.Get, "/api/v1/inbox/unread-count"), ok, ok);
        rules["POST /api/v1/inbox/read-all"] = new(people, (c, _) => Post(c, "/api/v1/inbox/read-all", new { }), ok, ok);
        // In scope: a notice to the caller; out of scope: one to a department in 长兴县.
        rules["POST /api/v1/inbox/{id:guid}/read"] = new(people, async (c, inScope) =>
                await Post(c, $"/api/v1/inbox/{(inScope ? await NoticeForAsync(c) : await ElsewhereNoticeAsync())}/read", new { }),
            Always(HttpStatusCode.NoContent), Always(HttpStatusCode.NotFound));
    }

    /// <summary>A notice to the caller themselves, found by the name they are signed in with; any id for those who are not people.</summary>
    private async Task<Guid> NoticeForAsync(Caller caller)
    {
        if (!People.Contains(caller))
            return Guid.CreateVersion7();
        if (_notices.TryGetValue(caller, out var known))
            return known;
        var me = await (await _clients[caller].GetAsync(AuthApi.Me)).ReadAsync<MeView>();
        var to = NotificationRecipient.User(await InboxApi.UserIdAsync(app, me.UserName));
        return _notices[caller] = (await InboxApi.NotifyAsync(app, to, "矩阵测试通知")).Id;
    }

    private async Task<Guid> ElsewhereNoticeAsync() =>
        _elsewhereNotice ??= (await InboxApi.NotifyAsync(app, NotificationRecipient.Department(ElsewhereDepartment), "矩阵测试通知")).Id;
}
