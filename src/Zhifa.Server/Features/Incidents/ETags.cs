namespace Zhifa.Server.Features.Incidents;

/// <summary>
/// An incident's entity tag is its version: "3". If-Match may list several, or "*"; it compares
/// strongly (RFC 9110 §13.1.1), so a weak tag W/"3" never matches.
/// </summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    public static bool Matches(string? ifMatch, int version)
    {
        if (ifMatch is null)
            return true;
        var current = For(version);
        return ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current);
    }
}
