namespace Zhifa.Core.Matters;

/// <summary>
/// What the responsibility list says about one incident: the centre that handles it and, when
/// matter and place are both known, the departments to dispatch it to at once.
/// </summary>
public sealed record Route(string HandlingCenterCode, string? LeadDepartmentCode, IReadOnlyList<string> CoDepartmentCodes)
{
    public bool DispatchesAtOnce => LeadDepartmentCode is not null;
}
