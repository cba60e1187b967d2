using Microsoft.AspNetCore.Authorization;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Features.Auth;

/// <summary>
/// The role gate in front of each endpoint: who may call it at all. Which incidents a caller may see
/// or act on is decided after, by <see cref="IncidentAccess"/>. The action policies are read from the
/// life-cycle table's "who" column, so the table stays the one source of truth.
/// </summary>
public static class AccessPolicies
{
    public const string Admin = "Admin";
    /// <summary>A person signed in, in any role: not a channel key.</summary>
    public const string People = "people";
    public const string ReadIncidents = "incidents.read";
    public const string ReportClues = "clues.report";
    public const string UploadMedia = "media.upload";
    public const string SplitIncidents = "incidents.split";
    /// <summary>The admin, and channel systems for their own deliveries.</summary>
    public const string FeedbackReaders = "feedback.read";
    /// <summary>Asking the classifier for a clue's matter: whoever reports clues, and the dispatchers who triage them.</summary>
    public const string ClassifyClues = "triage.classify";

    /// <summary>The lead department asks for more time, or for the clock to stop.</summary>
    public const string LeadDepartmentRequests = "deadlines.request";
    /// <summary>A co-department's own part of joint work (合成作战): its staff accept and resolve it.</summary>
    public const string CoDepartmentWork = "assignments.work";
    /// <summary>Letting a co-department go: the handling centre's dispatchers, or the lead department.</summary>
    public const string ReleaseCoDepartments = "assignments.release";
    /// <summary>The handling centre's dispatchers grant or refuse it, as they approve suspensions.</summary>
    public const string DecideExtensions = "extensions.decide";
    /// <summary>Reading reminders and supervision notices: the centres' people and the departments they are addressed to.</summary>
    public const string ReadNotices = "notices.read";
    /// <summary>Acknowledging a notice: its department's staff, or a dispatcher for a notice to the centre.</summary>
    public const string AcknowledgeNotices = "notices.acknowledge";
    /// <summary>Issuing a notice by hand: supervisors and duty commanders.</summary>
    public const string IssueNotices = "notices.issue";
    /// <summary>Disputes: the centres' people, and the departments that are a side of them.</summary>
    public const string ReadDisputes = "disputes.read";
    /// <summary>The one-screen dashboard: the region readers, each for their own jurisdiction.</summary>
    public const string ReadDashboard = "dashboard.read";
    /// <summary>Situation analysis (态势分析): indicators, hotspots, warnings, assessments and packs, for the region readers' own jurisdiction.</summary>
    public const string ReadAnalysis = "analysis.read";
    /// <summary>Keeping the analysis settings (warning rules, assessment weights): supervisors, analysts and the admin.</summary>
    public const string ManageAnalysis = "analysis.manage";
    /// <summary>Reading the analysis settings: the region readers, and the admin who keeps them.</summary>
    public const string ReadAnalysisSettings = "analysis.settings.read";
    /// <summary>Officers and teams: department staff for their own, centre roles for their region, the admin for all.</summary>
    public const string ReadOfficers = "officers.read";
    /// <summary>Keeping officers and teams: the admin, and department leaders for their own department.</summary>
    public const string ManageOfficers = "officers.manage";
    /// <summary>Naming officers on an incident: the lead department's staff.</summary>
    public const string AssignOfficers = "incidents.assign-officers";

    /// <summary>Reading consultations and tracked actions: the centres' dispatchers, duty commanders and supervisors, the invited departments, the admin.</summary>
    public const string ReadConsultations = "consultations.read";
    /// <summary>Calling and recording consultations: dispatchers and duty commanders of the centre or one above it, and the admin.</summary>
    public const string OrganiseConsultations = "consultations.organise";
    /// <summary>A centre's proposed agenda: its dispatchers, duty commanders and supervisors, and the admin.</summary>
    public const string ReadConsultationAgenda = "consultations.agenda";
    /// <summary>Completing a tracked action: the staff of the department that owes it.</summary>
    public const string CompleteActions = "actions.complete";
    /// <summary>Setting a centre's duty roster and its swaps: the admin, and duty commanders within their scope.</summary>
    public const string EditRosters = "roster.edit";
    /// <summary>Leaving a hand-over note: the duty commander on duty.</summary>
    public const string HandOver = "roster.handover";

    public static IReadOnlySet<Role> IncidentReaders { get; } =
        Jurisdiction.RegionReaders.Union(Jurisdiction.DepartmentStaff).Append(Role.GridWorker).ToHashSet();

    /// <summary>Who brings photos and videos: the roles that report clues, and that resolve or verify incidents.</summary>
    public static IReadOnlySet<Role> MediaUploaders { get; } =
        new[] { IncidentAction.Report, IncidentAction.Resolve, IncidentAction.VerifyPassed, IncidentAction.VerifyFailed }
            .SelectMany(IncidentAccess.RolesFor).ToHashSet();

    /// <summary>The policy of an action endpoint; verify's two rows share one.</summary>
    public static string For(IncidentAction action) => $"incidents.{action.ApiName()}";

    public static AuthorizationBuilder AddZhifaPolicies(this AuthorizationBuilder builder)
    {
        // An endpoint that names no policy still needs a signed-in caller or a channel key.
        builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.AddPolicy(Admin, p => p.RequireRole(nameof(Role.Admin)));
        builder.AddPolicy(People, p => p.RequireRole([.. PlatformRoles.All]));
        builder.AddPolicy(ReadIncidents, p => p.RequireRole(Names(IncidentReaders)));
        builder.AddPolicy(ReportClues, p => p.RequireRole(Names(IncidentAccess.RolesFor(IncidentAction.Report))));
        builder.AddPolicy(UploadMedia, p => p.RequireRole(Names(MediaUploaders)));
        // Splitting undoes a merge or a join, which the table gives to dispatchers.
        builder.AddPolicy(SplitIncidents, p => p.RequireRole(nameof(Role.Dispatcher)));
        builder.AddPolicy(FeedbackReaders, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Channel)));
        builder.AddPolicy(ClassifyClues, p => p.RequireRole(Names(IncidentAccess.RolesFor(IncidentAction.Report).Append(Role.Dispatcher).Append(Role.GridWorker))));
        builder.AddPolicy(LeadDepartmentRequests, p => p.RequireRole(Names(Jurisdiction.DepartmentStaff)));
        builder.AddPolicy(CoDepartmentWork, p => p.RequireRole(Names(Jurisdiction.DepartmentStaff)));
        builder.AddPolicy(ReleaseCoDepartments, p => p.RequireRole(Names(Jurisdiction.DepartmentStaff.Append(Role.Dispatcher))));
        builder.AddPolicy(DecideExtensions, p => p.RequireRole(nameof(Role.Dispatcher)));
        builder.AddPolicy(ReadDisputes, p => p.RequireRole(Names(Jurisdiction.RegionReaders.Union(Jurisdiction.DepartmentStaff))));
        builder.AddPolicy(ReadNotices, p => p.RequireRole(Names(Jurisdiction.RegionReaders.Union(Jurisdiction.DepartmentStaff))));
        builder.AddPolicy(AcknowledgeNotices, p => p.RequireRole(Names(Jurisdiction.DepartmentStaff.Append(Role.Dispatcher))));
        builder.AddPolicy(ReadDashboard, p => p.RequireRole(Names(Jurisdiction.RegionReaders)));
        builder.AddPolicy(ReadAnalysis, p => p.RequireRole(Names(Jurisdiction.RegionReaders)));
        builder.AddPolicy(ReadAnalysisSettings, p => p.RequireRole(Names(Jurisdiction.RegionReaders.Append(Role.Admin))));
        builder.AddPolicy(ManageAnalysis, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Supervisor), nameof(Role.Analyst)));
        builder.AddPolicy(ReadOfficers, p => p.RequireRole(Names(Jurisdiction.RegionReaders.Union(Jurisdiction.DepartmentStaff).Append(Role.Admin))));
        builder.AddPolicy(ManageOfficers, p => p.RequireRole(nameof(Role.Admin), nameof(Role.DepartmentLeader)));
        builder.AddPolicy(AssignOfficers, p => p.RequireRole(Names(Jurisdiction.DepartmentStaff)));
        builder.AddPolicy(EditRosters, p => p.RequireRole(nameof(Role.Admin), nameof(Role.DutyCommander)));
        builder.AddPolicy(HandOver, p => p.RequireRole(nameof(Role.DutyCommander)));
        builder.AddPolicy(IssueNotices, p => p.RequireRole(nameof(Role.Supervisor), nameof(Role.DutyCommander)));
        builder.AddPolicy(ReadConsultations, p => p.RequireRole(nameof(Role.Dispatcher), nameof(Role.DutyCommander), nameof(Role.Supervisor),
            nameof(Role.DepartmentOfficer), nameof(Role.DepartmentLeader), nameof(Role.Admin)));
        builder.AddPolicy(OrganiseConsultations, p => p.RequireRole(nameof(Role.Dispatcher), nameof(Role.DutyCommander), nameof(Role.Admin)));
        builder.AddPolicy(ReadConsultationAgenda, p => p.RequireRole(nameof(Role.Dispatcher), nameof(Role.DutyCommander), nameof(Role.Supervisor), nameof(Role.Admin)));
        builder.AddPolicy(CompleteActions, p => p.RequireRole(Names(Jurisdiction.DepartmentStaff)));
        foreach (var group in Enum.GetValues<IncidentAction>().Where(a => a != IncidentAction.Report).GroupBy(For))
            builder.AddPolicy(group.Key, p => p.RequireRole(Names(group.SelectMany(IncidentAccess.RolesFor))));
        return builder;
    }

    private static string[] Names(IEnumerable<Role> roles) => [.. roles.Distinct().Select(r => r.ToString())];
}
