namespace Zhifa.Core.Incidents;

/// <summary>
/// The actions of the life cycle. Verification has two outcomes with different targets,
/// so it is two actions that share the API name "verify".
/// </summary>
public enum IncidentAction
{
    Report,
    Dispatch,
    Reject,
    Merge,
    Escalate,
    Dispute,
    Rule,
    Accept,
    Return,
    Resolve,
    Suspend,
    Resume,
    VerifyPassed,
    VerifyFailed,
    Reopen,
}

public static class IncidentActionNames
{
    /// <summary>The action's name in URLs, the timeline and error messages.</summary>
    public static string ApiName(this IncidentAction action) => action switch
    {
        IncidentAction.VerifyPassed or IncidentAction.VerifyFailed => "verify",
        _ => action.ToString().ToLowerInvariant(),
    };
}
