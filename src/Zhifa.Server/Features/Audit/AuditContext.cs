namespace Zhifa.Server.Features.Audit;

/// <summary>
/// What a request's handlers tell the audit trail beyond what the middleware sees for itself: who
/// tried to sign in, the before/after of a change, and events such as an unmasked read.
/// </summary>
public sealed class AuditContext
{
    public string? Actor { get; set; }
    public string? Target { get; set; }
    public string? Summary { get; set; }
    public List<(string Action, string Target)> Events { get; } = [];
}

public static class AuditContextExtensions
{
    private static readonly object Key = new();

    public static AuditContext Audit(this HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var known) && known is AuditContext audit)
            return audit;
        http.Items[Key] = audit = new AuditContext();
        return audit;
    }

    internal static AuditContext? AuditIfAny(this HttpContext http) => http.Items.TryGetValue(Key, out var known) ? known as AuditContext : null;
}
