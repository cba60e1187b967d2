using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Notifications;

/// <summary>
/// The one way features send notifications. <see cref="Notify"/> only adds the row to the caller's
/// <see cref="ZhifaDbContext"/> (the same scoped instance the caller uses): the caller's SaveChanges
/// writes the notification together with the change that caused it, or neither. Once committed, the
/// caller calls <see cref="DispatchExternalAsync"/> to hand what <see cref="ExternalRule"/> selects to
/// the SMS and DingTalk senders.
/// </summary>
/// <remarks>
/// Why an explicit call after commit, not a SaveChanges interceptor: only the caller knows when its
/// change is committed. SavedChanges also fires inside an explicit transaction that may still roll
/// back, and a message sent by SMS cannot be taken back. Which added rows a save wrote is read from
/// the change tracker at dispatch, so rows added and then discarded (ChangeTracker.Clear after a
/// refused action) are never sent. A crash between commit and dispatch
/// loses the external message, never the inbox row: the inbox is the record.
/// </remarks>
public sealed class NotificationCenter
{
    private readonly ZhifaDbContext _db;
    private readonly IEnumerable<INotificationSender> _senders;
    private readonly ReferenceData _reference;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationCenter> _logger;
    private readonly List<(Notification Row, int Level)> _added = [];

    public NotificationCenter(ZhifaDbContext db, IEnumerable<INotificationSender> senders, ReferenceData reference, TimeProvider time,
        ILogger<NotificationCenter> logger)
    {
        (_db, _senders, _reference, _time, _logger) = (db, senders, reference, time, logger);
    }

    /// <summary>
    /// Adds the notification to the caller's unit of work, without saving. Throws <see cref="ArgumentException"/>
    /// for a draft no caller should make: a blank kind or title, a kind over 32 characters, a level below 1,
    /// an incident number over 32 characters, a user code that is not an id, or an unknown department or centre.
    /// </summary>
    public Notification Notify(NotificationDraft draft)
    {
        Check(draft);
        var row = draft.ToRow(_time.GetUtcNow());
        _db.Notifications.Add(row);
        _added.Add((row, draft.Level));
        return row;
    }

    /// <summary>
    /// Hands the notifications saved since the last call to the external senders, as <see cref="ExternalRule"/>
    /// says; answers how many messages a sender took. Call it after the commit: with a transaction still open
    /// it throws <see cref="InvalidOperationException"/>. A sender that fails is logged and skipped: the
    /// change is committed and the notice is in the inbox whatever an SMS gateway does.
    /// </summary>
    public async Task<int> DispatchExternalAsync(CancellationToken ct = default)
    {
        if (_db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("Dispatch notifications after the transaction that wrote them commits.");
        var due = Saved();
        var sent = 0;
        foreach (var message in due.SelectMany(d => ExternalRule.For(d.Row, d.Level)))
        {
            foreach (var sender in _senders.Where(s => s.Channel == message.Channel))
            {
                try
                {
                    await sender.SendAsync(message, ct);
                    sent++;
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "{Channel} sender {Sender} failed for notification {NotificationId}",
                        message.Channel, sender.GetType().Name, message.NotificationId);
                }
            }
        }
        return sent;
    }

    // Read from the change tracker when dispatching rather than from a SavedChanges handler: the
    // context is pooled, and a handler would outlive this scope on the next request's context.
    private List<(Notification Row, int Level)> Saved()
    {
        var saved = new List<(Notification Row, int Level)>();
        foreach (var added in _added.ToList())
        {
            var state = _db.Entry(added.Row).State;
            if (state == EntityState.Added)
                continue;
            _added.Remove(added);
            // Detached: discarded, never written.
            if (state != EntityState.Detached)
                saved.Add(added);
        }
        return saved;
    }

    private void Check(NotificationDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Kind) || draft.Kind.Length > Notification.MaxKindLength)
            throw new ArgumentException($"A notification's kind is 1 to {Notification.MaxKindLength} characters.", nameof(draft));
        if (string.IsNullOrWhiteSpace(draft.Title))
            throw new ArgumentException("A notification needs a title.", nameof(draft));
        if (draft.Level < 1)
            throw new ArgumentException("A notification's level is 1 or more.", nameof(draft));
        if (draft.IncidentNumber?.Length > Notification.MaxIncidentNumberLength)
            throw new ArgumentException("Not an incident number.", nameof(draft));
        var known = draft.Recipient.Type switch
        {
            RecipientType.Department => _reference.Departments.ContainsKey(draft.Recipient.Code),
            RecipientType.Center => _reference.CommandCenters.ContainsKey(draft.Recipient.Code),
            _ => Guid.TryParse(draft.Recipient.Code, out _),
        };
        if (!known)
            throw new ArgumentException($"No {draft.Recipient.Type} has code '{draft.Recipient.Code}'.", nameof(draft));
    }
}
