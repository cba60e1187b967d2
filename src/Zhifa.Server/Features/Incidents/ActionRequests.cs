namespace Zhifa.Server.Features.Incidents;

// Request bodies of the life-cycle actions. Every field is nullable so that a missing one is
// reported by name rather than silently defaulted.

public sealed record DispatchRequest(string? DepartmentCode, string[]? CoDepartmentCodes, string? MatterCode, string? Note);

public sealed record NoteRequest(string? Note);

public sealed record ReasonRequest(string? Reason);

public sealed record ReturnRequest(string? Reason, string? SuggestedDepartmentCode);

public sealed record ResolveRequest(string? Result, Guid[]? MediaIds);

public sealed record VerifyRequest(bool? Passed, string? Note, Guid[]? MediaIds);

public sealed record MergeRequest(Guid? IntoIncidentId);

public sealed record RuleRequest(string? DepartmentCode, string[]? CoDepartmentCodes, string? Reason, string? LegalBasis);

public sealed record SplitRequest(Guid? ClueId, string? Note);
