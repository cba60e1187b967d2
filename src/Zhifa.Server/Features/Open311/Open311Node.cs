namespace Zhifa.Server.Features.Open311;

/// <summary>
/// One answer of the GeoReport API as XML elements. The spec defines JSON as a mapping of its XML
/// (the Spark convention), so both writers render this one tree and cannot disagree: an object is
/// an element of fields (a JSON object), a list an element of repeated items (a JSON array), a
/// value a leaf element (a JSON string, number, boolean or null).
/// </summary>
internal abstract record Open311Node(string Name);

internal sealed record Open311Object(string Name, IReadOnlyList<Open311Node> Fields) : Open311Node(Name);

internal sealed record Open311List(string Name, IReadOnlyList<Open311Node> Items) : Open311Node(Name);

/// <summary>A leaf: text, a number, a boolean, a time or null (an empty element in XML).</summary>
internal sealed record Open311Value(string Name, object? Value) : Open311Node(Name);

internal static class Open311Tree
{
    public static Open311Object Object(string name, params Open311Node[] fields) => new(name, fields);

    public static Open311List List(string name, IEnumerable<Open311Node> items) => new(name, [.. items]);

    public static Open311Value Value(string name, object? value) => new(name, value);
}
