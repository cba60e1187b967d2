using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Zhifa.Core.Time;

namespace Zhifa.Server.Features.Open311;

/// <summary>Renders an <see cref="Open311Node"/> tree as the spec's XML or its JSON mapping, UTF-8.</summary>
internal static class Open311Writers
{
    // Chinese text and times' "+08:00" stay as they are, for clients that read the text naively; the
    // answers are served as JSON with nosniff and no framing, so nothing needs escaping for HTML.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // The spec asks for the declaration before the root element.
        OmitXmlDeclaration = false,
    };

    public static byte[] Render(Open311Node root, Open311Format format)
    {
        using var buffer = new MemoryStream();
        if (format == Open311Format.Json)
        {
            using var json = new Utf8JsonWriter(buffer, JsonOptions);
            WriteJson(json, root);
        }
        else
        {
            using var xml = XmlWriter.Create(buffer, XmlSettings);
            xml.WriteStartDocument();
            WriteXml(xml, root);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, Open311Node node)
    {
        switch (node)
        {
            case Open311Object o:
                json.WriteStartObject();
                foreach (var field in o.Fields)
                {
                    json.WritePropertyName(field.Name);
                    WriteJson(json, field);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                    WriteJson(json, item);
                json.WriteEndArray();
                break;
            case Open311Value { Value: null }:
                json.WriteNullValue();
                break;
            case Open311Value { Value: bool flag }:
                json.WriteBooleanValue(flag);
                break;
            case Open311Value { Value: int number }:
                json.WriteNumberValue(number);
                break;
            case Open311Value { Value: double number }:
                json.WriteNumberValue(number);
                break;
            case Open311Value value:
                json.WriteStringValue(Text(value.Value));
                break;
        }
    }

    private static void WriteXml(XmlWriter xml, Open311Node node)
    {
        xml.WriteStartElement(node.Name);
        switch (node)
        {
            case Open311Object o:
                foreach (var field in o.Fields)
                    WriteXml(xml, field);
                break;
            case Open311List list:
                foreach (var item in list.Items)
                    WriteXml(xml, item);
                break;
            case Open311Value { Value: not null } value:
                xml.WriteString(Text(value.Value));
                break;
        }
        xml.WriteEndElement();
    }

    /// <summary>A leaf as text: times in the platform's zone to the second (the w3 profile of ISO 8601), numbers invariant.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => PlatformTime.ToLocal(time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Clean(value.ToString() ?? ""),
    };

    /// <summary>
    /// Text as XML 1.0 and JSON writers accept it: control characters other than tab and line breaks,
    /// and halves of surrogate pairs, cannot be written, so they become U+FFFD rather than failing the answer.
    /// </summary>
    private static string Clean(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c)))
            return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                clean.Append(text, i++, 2);
            else
                clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return clean.ToString();
    }
}
