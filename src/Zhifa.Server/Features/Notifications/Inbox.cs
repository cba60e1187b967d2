using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Data;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Notifications;

public sealed record NotificationView(
    Guid Id, DateTimeOffset CreatedAt, string Kind, string Title, string Body, Guid? IncidentId, string? IncidentNumber,
    NotificationRecipient Recipient, bool Read);

public sealed record InboxPage(IReadOnlyList<NotificationView> Items, int Total, int Unread, int Page, int PageSize);

/// <summary>
/// One person's inbox: their own notifications, their department's when they are its staff, and their
/// home centre's (that centre only, not those below it) when they read a region. Read marks are per person.
/// </summary>
public sealed class Inbox(ZhifaDbContext db, TimeProvider time)
{
    /// <summary>How many times a mark is tried again when another request of the same person marked the same notice first.</summary>
    private const int MarkAttempts = 3;

    public async Task<InboxPage> ListAsync(Jurisdiction caller, bool? read, int page, int pageSize, CancellationToken ct)
    {
        var me = Me(caller);
        var listed = read is { } wanted ? ReadState(caller, wanted) : Mine(caller);
        var total = await listed.CountAsync(ct);
        var unread = await UnreadCountAsync(caller, ct);
        var items = await listed.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.CreatedAt, n.Kind, n.Title, n.Body, n.IncidentId, n.IncidentNumber,
                NotificationRecipient.Of(n.UserId, n.DepartmentCode, n.CenterCode),
                db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == me)))
            .PageAsync(page, pageSize, ct);
        return new InboxPage(items, total, unread, page, pageSize);
    }

    public Task<int> UnreadCountAsync(Jurisdiction caller, CancellationToken ct) => Unread(caller).CountAsync(ct);

    /// <summary>Marks one notification read for the caller; false when it is not in their inbox. Marking again changes nothing.</summary>
    public async Task<bool> MarkReadAsync(Jurisdiction caller, Guid id, CancellationToken ct)
    {
        if (!await Mine(caller).AnyAsync(n => n.Id == id, ct))
            return false;
        await MarkAsync(caller, Unread(caller).Where(n => n.Id == id), ct);
        return true;
    }

    /// <summary>Marks everything unread in the caller's inbox read; answers how many it marked.</summary>
    public Task<int> MarkAllReadAsync(Jurisdiction caller, CancellationToken ct) => MarkAsync(caller, Unread(caller), ct);

    private async Task<int> MarkAsync(Jurisdiction caller, IQueryable<Notification> unread, CancellationToken ct)
    {
        var me = Me(caller);
        for (var attempt = 1; ; attempt++)
        {
            var ids = await unread.Select(n => n.Id).ToListAsync(ct);
            var now = time.GetUtcNow();
            db.NotificationReads.AddRange(ids.Select(id => new NotificationRead { NotificationId = id, UserId = me, ReadAt = now }));
            try
            {
                await db.SaveChangesAsync(ct);
                return ids.Count;
            }
            catch (DbUpdateException) when (attempt < MarkAttempts)
            {
                // Another request of the same person (two tabs) marked one of these between our read and our
                // write, and the key refused the second mark: read what is still unread and try again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private IQueryable<Notification> Unread(Jurisdiction caller) => ReadState(caller, read: false);

    /// <summary>The caller's notifications that they have (or have not) read.</summary>
    private IQueryable<Notification> ReadState(Jurisdiction caller, bool read)
    {
        var me = Me(caller);
        return Mine(caller).Where(n => db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == me) == read);
    }

    private IQueryable<Notification> Mine(Jurisdiction caller) => db.Notifications.AsNoTracking().Where(For(caller));

    /// <summary>The notifications addressed to the caller, to their department, or to their home centre.</summary>
    private static Expression<Func<Notification, bool>> For(Jurisdiction caller)
    {
        // Each part is guarded, so that a caller without a department or centre does not match every row whose code is null.
        var user = caller.UserId;
        var department = caller.IsDepartmentStaff ? caller.DepartmentCode : null;
        var center = caller.ReadsRegion ? caller.HomeCenterCode : null;
        return n => (user != null && n.UserId == user)
            || (department != null && n.DepartmentCode == department)
            || (center != null && n.CenterCode == center);
    }

    // People always carry their id; an empty id reads nothing and marks nothing a real user owns.
    private static Guid Me(Jurisdiction caller) => caller.UserId ?? Guid.Empty;
}
