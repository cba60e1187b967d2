using System.Security.Claims;
using Zhifa.Core.Organization;
using static MudBlazor.Icons.Material.Filled;
using Icon = MudBlazor.Icons.Material.Filled;

namespace Zhifa.Server.Ui;

/// <summary>The main pages, who works on each, and where each role lands after signing in.</summary>
public static class Homes
{
    public sealed record Page(string Href, string TitleKey, string Icon, Role[] Roles);

    /// <summary>In the order of the navigation; a role's home is the first page it works on, unless <see cref="Landings"/> says otherwise.</summary>
    public static readonly Page[] Pages =
    [
        new("/workbench", "Workbench", Dashboard, [Role.Dispatcher]),
        new("/inbox", "Inbox", Inbox, [Role.DepartmentOfficer, Role.DepartmentLeader]),
        new("/grid", "Grid", PhotoCamera, [Role.GridWorker]),
        new("/dashboard", "Dashboard", Icon.Monitor, [Role.DutyCommander, Role.Supervisor, Role.Analyst]),
        new("/analysis", "Analysis", Insights, [Role.Dispatcher, Role.DutyCommander, Role.Analyst, Role.Supervisor]),
        new("/supervision", "Supervision", Gavel, [Role.Supervisor, Role.DutyCommander]),
        new("/disputes", "Disputes", Balance, [Role.DutyCommander, Role.Dispatcher, Role.Supervisor]),
        new("/consultations", "Consultations", Groups, [Role.Dispatcher, Role.DutyCommander, Role.Supervisor]),
        new("/actions", "Actions", AssignmentTurnedIn, [Role.DepartmentOfficer, Role.DepartmentLeader]),
        new("/admin", "Admin", AdminPanelSettings, [Role.Admin]),
        // Last, after the admin's page: no role lands on these first; each has its own desk.
        new("/officers", "Officers", Badge, [Role.DepartmentLeader, Role.DepartmentOfficer, Role.Admin, Role.Supervisor]),
        new("/duty", "Duty", EventAvailable, [Role.DutyCommander, Role.Admin]),
        new("/packs", "Packs", Summarize, [Role.Dispatcher, Role.DutyCommander, Role.Analyst, Role.Supervisor]),
    ];

    /// <summary>The administrator's sections, each a page of its own under /admin, in the order of its tabs.</summary>
    public static readonly Page[] AdminSections =
    [
        new("/admin", "AdminUsers", People, [Role.Admin]),
        new("/admin/keys", "AdminKeys", Key, [Role.Admin]),
        new("/admin/matters", "AdminMatters", ListAlt, [Role.Admin]),
        new("/admin/calendar", "AdminCalendar", CalendarMonth, [Role.Admin]),
        new("/admin/grids", "AdminGrids", Map, [Role.Admin]),
    ];

    /// <summary>Roles whose own desk comes after a page they also use: the supervisor works the supervision page first.</summary>
    private static readonly Dictionary<Role, string> Landings = new() { [Role.Supervisor] = "/supervision" };

    /// <summary>Every page a person may open, sections included: what the router's pages are.</summary>
    public static IEnumerable<Page> All => Pages.Concat(AdminSections.Where(s => s.Href != "/admin"));

    public static IEnumerable<Page> For(ClaimsPrincipal user) => Pages.Where(p => p.Roles.Any(r => user.IsInRole(r.ToString())));

    /// <summary>Where the person lands after signing in, or null when no page serves their role yet.</summary>
    public static Page? HomeOf(ClaimsPrincipal user) =>
        Landings.Where(l => user.IsInRole(l.Key.ToString())).Select(l => Pages.Single(p => p.Href == l.Value)).FirstOrDefault()
        ?? For(user).FirstOrDefault();
}
