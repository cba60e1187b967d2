namespace Zhifa.Core.Organization;

/// <summary>The platform's posts (see the glossary). Channel and Router are the non-human actors.</summary>
public enum Role
{
    Channel,
    Router,
    GridWorker,
    Dispatcher,
    Analyst,
    Supervisor,
    DutyCommander,
    DepartmentOfficer,
    DepartmentLeader,
    Admin,
}
