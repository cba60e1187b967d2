using System.Text;

namespace Zhifa.Server.Data.Seeding;

/// <summary>Just enough RFC 4180 for the seed files: quoted fields with commas and doubled quotes.</summary>
internal static class Csv
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRecords(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = ParseLine(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
                continue;
            var fields = ParseLine(line);
            if (fields.Count != header.Count)
                throw new InvalidDataException($"{path}: expected {header.Count} fields, found {fields.Count} in: {line}");
            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        }
    }

    public static List<string> ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
