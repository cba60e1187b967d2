using System.Security.Claims;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Ui;

/// <summary>The main pages, who works on each, and where each role lands after signing in.</summary>
public static class Homes
{
    public sealed record Page(string Href, string TitleKey, string Icon, Role[] Roles);

    /// <summary>In the order of the navigation; a role's home is the first page it works on.</summary>
    public static readonly Page[] Pages =
    [
        new("/workbench", "Workbench", MudBlazor.Icons.Material.Filled.Dashboard, [Role.Dispatcher]),
        new("/inbox", "Inbox", MudBlazor.Icons.Material.Filled.Inbox, [Role.DepartmentOfficer, Role.DepartmentLeader]),
        new("/grid", "Grid", MudBlazor.Icons.Material.Filled.PhotoCamera, [Role.GridWorker]),
        new("/dashboard", "Dashboard", MudBlazor.Icons.Material.Filled.Monitor, [Role.DutyCommander, Role.Supervisor, Role.Analyst]),
    ];

    public static IEnumerable<Page> For(ClaimsPrincipal user) => Pages.Where(p => p.Roles.Any(r => user.IsInRole(r.ToString())));
}
