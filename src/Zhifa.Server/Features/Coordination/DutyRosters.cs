using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Coordination;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Notifications;

namespace Zhifa.Server.Features.Coordination;

public sealed record CommanderView(string UserName, string DisplayName);

public sealed record HandoverView(Guid Id, DateOnly DutyDate, DateOnly ForDate, CommanderView From, CommanderView? To, string Note, DateTimeOffset At);

/// <summary>Who commands a centre at one instant: its standing commander and the duty commander of the shift then running.</summary>
public sealed record DutyView(string CenterCode, DateOnly Date, DateTimeOffset ShiftStartsAt, DateTimeOffset ShiftEndsAt,
    CommanderView? StandingCommander, CommanderView? DutyCommander, HandoverView? LatestHandover);

/// <summary>
/// The centres' duty rosters, read for the API, the pages and the routing of rulings and escalations.
/// Commanders are named by user name; their display names are looked up as they are shown.
/// </summary>
public sealed class DutyRosters(ZhifaDbContext db, Jurisdictions jurisdictions)
{
    public Task<DutyRoster?> FindAsync(string centerCode, CancellationToken ct, bool tracked = false)
    {
        var rosters = tracked ? db.DutyRosters : db.DutyRosters.AsNoTracking();
        return rosters.Include(r => r.Swaps).FirstOrDefaultAsync(r => r.CenterCode == centerCode, ct);
    }

    /// <summary>
    /// The user on duty at <paramref name="centerCode"/> at <paramref name="at"/>, when the roster names one who can
    /// act on what reaches them: an existing user who still holds the DutyCommander role and is not locked out.
    /// </summary>
    public async Task<Guid?> OnDutyUserIdAsync(string centerCode, DateTimeOffset at, CancellationToken ct)
    {
        if (await FindAsync(centerCode, ct) is not { } roster || roster.OnDutyAt(at) is not { } userName)
            return null;
        var normalized = userName.ToUpperInvariant();
        var role = nameof(Role.DutyCommander).ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized && (u.LockoutEnd == null || u.LockoutEnd <= at))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == role)))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Rulings and escalations go to whoever is on duty at the centre; to the whole centre when nobody is.</summary>
    public async Task<NotificationRecipient> RecipientAsync(string centerCode, DateTimeOffset at, CancellationToken ct) =>
        await OnDutyUserIdAsync(centerCode, at, ct) is { } userId ? NotificationRecipient.User(userId) : NotificationRecipient.Center(centerCode);

    public async Task<DutyView> DutyAsync(string centerCode, DateTimeOffset at, CancellationToken ct)
    {
        var roster = await FindAsync(centerCode, ct) ?? new DutyRoster { CenterCode = centerCode };
        var date = roster.DutyDate(at);
        var latest = await db.HandoverNotes.AsNoTracking().Where(h => h.CenterCode == centerCode && h.At <= at)
            .OrderByDescending(h => h.At).FirstOrDefaultAsync(ct);
        var onDuty = roster.CommanderOn(date);
        var names = await DisplayNamesAsync([roster.StandingCommander, onDuty, latest?.From, latest?.To], ct);
        return new DutyView(centerCode, date, roster.ShiftStart(date), roster.ShiftStart(date.AddDays(1)),
            View(roster.StandingCommander, names), View(onDuty, names), latest is null ? null : View(latest, names));
    }

    public async Task<List<HandoverView>> HandoversAsync(string centerCode, int take, CancellationToken ct)
    {
        var notes = await db.HandoverNotes.AsNoTracking().Where(h => h.CenterCode == centerCode)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Take(take).ToListAsync(ct);
        var names = await DisplayNamesAsync([.. notes.SelectMany(n => new[] { n.From, n.To })], ct);
        return [.. notes.Select(n => View(n, names))];
    }

    public async Task<HandoverView> ViewAsync(HandoverNote note, CancellationToken ct) => View(note, await DisplayNamesAsync([note.From, note.To], ct));

    /// <summary>Display names by user name (case-insensitive), for the names given that are users.</summary>
    public async Task<Dictionary<string, string>> DisplayNamesAsync(IEnumerable<string?> userNames, CancellationToken ct)
    {
        var normalized = userNames.OfType<string>().Select(n => n.ToUpperInvariant()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedUserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        return users.ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether <paramref name="userName"/> may be named on <paramref name="centerCode"/>'s roster: an existing user
    /// holding the DutyCommander role, whose home centre's scope takes in that centre. Answers the user's exact name.
    /// </summary>
    public async Task<string?> CommanderForAsync(string userName, string centerCode, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant();
        var role = nameof(Role.DutyCommander).ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == role)))
            .Select(u => new { u.UserName, u.HomeCenterCode }).FirstOrDefaultAsync(ct);
        if (user?.HomeCenterCode is not { } home)
            return null;
        var scope = jurisdictions.For([Role.DutyCommander], home, null, null, []);
        return scope.CenterCodes.Contains(centerCode) ? user.UserName : null;
    }

    internal static CommanderView? View(string? userName, IReadOnlyDictionary<string, string> names) =>
        userName is null ? null : new CommanderView(userName, names.GetValueOrDefault(userName, userName));

    private static HandoverView View(HandoverNote note, IReadOnlyDictionary<string, string> names) =>
        new(note.Id, note.DutyDate, note.ForDate, View(note.From, names)!, View(note.To, names), note.Text, note.At);
}
