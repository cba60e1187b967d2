using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Notifications;

/// <summary>How the tests send notifications (as a feature would: Notify, SaveChanges, then dispatch) and read inboxes.</summary>
public static class InboxApi
{
    public const string Inbox = "/api/v1/inbox";
    public const string UnreadCount = Inbox + "/unread-count";
    public const string ReadAll = Inbox + "/read-all";

    public static string Read(Guid id) => $"{Inbox}/{id}/read";

    /// <summary>Notifies through the app's own NotificationCenter in a scope of its own, saves, then dispatches; answers the row.</summary>
    public static async Task<Notification> NotifyAsync(ZhifaApp app, NotificationDraft draft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();
        var row = center.Notify(draft);
        await scope.ServiceProvider.GetRequiredService<ZhifaDbContext>().SaveChangesAsync();
        await center.DispatchExternalAsync();
        return row;
    }

    public static Task<Notification> NotifyAsync(ZhifaApp app, NotificationRecipient to, string title = "请及时处置", string kind = NotificationKinds.Reminder) =>
        NotifyAsync(app, new NotificationDraft(kind, title, "事件即将超时，请尽快处置。", to));

    public static async Task<Guid> UserIdAsync(ZhifaApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByNameAsync(userName);
        return user?.Id ?? throw new InvalidOperationException($"No user {userName}.");
    }

    /// <summary>A new person with an empty inbox: its client and its id.</summary>
    public static async Task<(HttpClient Client, Guid Id)> PersonAsync(ZhifaApp app, Role role, string? centerCode = null, string? departmentCode = null)
    {
        // Duty commanders sign in only with a second factor.
        var totp = PlatformRoles.RequireTwoFactor.Contains(role.ToString()) ? AuthApi.DemoTotpKey : null;
        var userName = await app.Cast.MakeAsync(role, centerCode, departmentCode, totpKey: totp);
        return (app.Cast.As(userName, AuthApi.TestPassword, totp), await UserIdAsync(app, userName));
    }

    public static async Task<InboxPage> ListAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync(Inbox + query)).ReadAsync<InboxPage>();

    public static async Task<int> UnreadAsync(this HttpClient client) =>
        (await (await client.GetAsync(UnreadCount)).ReadAsync<UnreadCount>()).Unread;
}
