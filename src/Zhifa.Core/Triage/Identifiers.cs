using System.Text.RegularExpressions;

namespace Zhifa.Core.Triage;

public enum IdentifierRelation { None, Shared, Conflict }

/// <summary>
/// The names that single out one object in a report: a shop's name in quotes, a licence plate,
/// a house or building number. Two reports naming the same one are about the same thing even in
/// other words; two naming different ones of a kind (面馆 A and 面馆 B on the same street, two
/// trucks) are not, however alike the rest reads. Dispatchers judge duplicates this way.
/// </summary>
public static partial class Identifiers
{
    public static IdentifierRelation Relate(string a, string b)
    {
        var conflict = false;
        foreach (var kind in Kinds)
        {
            var left = kind.Matches(a).Select(Value).ToHashSet(StringComparer.Ordinal);
            var right = kind.Matches(b).Select(Value).ToHashSet(StringComparer.Ordinal);
            // A name quoted on one side may stand unquoted on the other: look for it in the whole text.
            if (left.Any(v => b.Contains(v, StringComparison.Ordinal)) || right.Any(v => a.Contains(v, StringComparison.Ordinal)))
                return IdentifierRelation.Shared;
            conflict |= left.Count > 0 && right.Count > 0;
        }
        return conflict ? IdentifierRelation.Conflict : IdentifierRelation.None;
    }

    private static string Value(Match m) => m.Groups["id"].Value;

    private static readonly Regex[] Kinds = [QuotedName(), Plate(), Number()];

    [GeneratedRegex("[“\"「『](?<id>[^”\"」』]{2,12})[”\"」』]")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"(?<id>\p{IsCJKUnifiedIdeographs}[A-Z][·•.]?[A-Z0-9]{5,6})")]
    private static partial Regex Plate();

    [GeneratedRegex(@"(?<id>\d+(号楼|号|幢|栋|单元))")]
    private static partial Regex Number();
}
