using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Open311;

/// <summary>
/// A GeoReport v2 client as the tests use it: anonymous GETs in both formats, form POSTs with a
/// channel key, and readers that turn a JSON object or an XML element into the same field map, so
/// one assertion checks both formats.
/// </summary>
public sealed class Open311Api(ZhifaApp app)
{
    public const string Base = "/open311/v2";

    public const string Text = "河道内发现地笼，疑似非法捕捞";

    private readonly Scenario _scenario = new(app);

    /// <summary>Every field of a request, in the spec's order.</summary>
    public static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    /// <summary>Nobody signed in: the reads are public.</summary>
    public HttpClient Client { get; } = app.CreateClient();

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Client.GetAsync(Base + pathAndQuery);

    /// <summary>A resource as JSON (<paramref name="resource"/> without extension, query after it).</summary>
    public async Task<JsonElement> JsonAsync(string resource, string query = "")
    {
        using var response = await GetAsync($"{resource}.json{query}");
        return await JsonOf(response);
    }

    public async Task<XElement> XmlAsync(string resource, string query = "")
    {
        using var response = await GetAsync($"{resource}.xml{query}");
        return await XmlOf(response);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<XElement> XmlOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(body);
        Assert.Equal("utf-8", document.Declaration?.Encoding, ignoreCase: true);
        // The spec's XML is schemaless and without a namespace.
        Assert.Equal(XNamespace.None, document.Root!.Name.Namespace);
        return document.Root;
    }

    /// <summary>An object's fields as text, in order: null for JSON null and for an empty XML element.</summary>
    public static List<(string Name, string? Value)> Fields(JsonElement o) =>
        [.. o.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        }))];

    public static List<(string Name, string? Value)> Fields(XElement e) =>
        [.. e.Elements().Select(c => (c.Name.LocalName, c.IsEmpty || c.Value.Length == 0 ? null : c.Value))];

    /// <summary>The spec's error answer in either format: every entry's code is the HTTP status, and some description says each of <paramref name="mentions"/>.</summary>
    public static async Task<List<string>> AssertErrorsAsync(HttpResponseMessage response, HttpStatusCode status, string format, params string[] mentions)
    {
        List<(string? Code, string? Description)> errors;
        if (format == "json")
        {
            var json = await JsonOf(response, status);
            Assert.Equal(JsonValueKind.Array, json.ValueKind);
            Assert.All(json.EnumerateArray(), e => Assert.Equal(["code", "description"], e.EnumerateObject().Select(p => p.Name)));
            Assert.All(json.EnumerateArray(), e => Assert.Equal(JsonValueKind.Number, e.GetProperty("code").ValueKind));
            errors = [.. json.EnumerateArray().Select(e => (e.GetProperty("code").GetRawText(), e.GetProperty("description").GetString()))];
        }
        else
        {
            var xml = await XmlOf(response, status);
            Assert.Equal("errors", xml.Name.LocalName);
            Assert.All(xml.Elements(), e => Assert.Equal("error", e.Name.LocalName));
            Assert.All(xml.Elements(), e => Assert.Equal(["code", "description"], e.Elements().Select(c => c.Name.LocalName)));
            errors = [.. xml.Elements().Select(e => ((string?)e.Element("code"), (string?)e.Element("description")))];
        }
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Code));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        foreach (var mention in mentions)
            Assert.Contains(errors, e => e.Description!.Contains(mention, StringComparison.Ordinal));
        return [.. errors.Select(e => e.Description!)];
    }

    /// <summary>POSTs a form to requests.{format}, with the open311 channel's key unless the fields carry their own api_key.</summary>
    public async Task<HttpResponseMessage> PostAsync(IEnumerable<(string Name, string Value)> fields, string format = "json")
    {
        var form = fields.ToList();
        if (form.All(f => f.Name != "api_key"))
            form.Insert(0, ("api_key", await app.Cast.KeyAsync(Channels.Open311)));
        return await Client.PostAsync($"{Base}/requests.{format}", Form(form));
    }

    public static FormUrlEncodedContent Form(IEnumerable<(string Name, string Value)> fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>
    /// A valid report: SY01 in 和孚镇 (南浔区), where it goes to 南浔区农业农村局, at a spot of its own so
    /// that duplicate detection keeps it apart; <paramref name="extra"/> fields are added or replace these.
    /// </summary>
    public async Task<List<(string Name, string Value)>> ReportFieldsAsync(string description = Text, params (string Name, string Value)[] extra)
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var fields = new List<(string Name, string Value)>
        {
            ("service_code", "SY01"), ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)), ("description", description),
        };
        fields.RemoveAll(f => extra.Any(e => e.Name == f.Name));
        return [.. fields, .. extra];
    }

    /// <summary>Reports and answers the service_request_id.</summary>
    public async Task<string> ReportAsync(string description = Text, params (string Name, string Value)[] extra) =>
        await NumberOf(await PostAsync(await ReportFieldsAsync(description, extra)));

    public static async Task<string> NumberOf(HttpResponseMessage response) =>
        (await JsonOf(response))[0].GetProperty("service_request_id").GetString()!;

    /// <summary>One request read in both formats, checked to say the same; answers its fields.</summary>
    public async Task<Dictionary<string, string?>> RequestAsync(string number)
    {
        var json = await JsonAsync($"/requests/{number}");
        var xml = await XmlAsync($"/requests/{number}");
        Assert.Equal("service_requests", xml.Name.LocalName);
        var (jsonFields, xmlFields) = (Fields(Assert.Single(json.EnumerateArray())), Fields(Assert.Single(xml.Elements("request"))));
        Assert.Equal(RequestFields, jsonFields.Select(f => f.Name));
        Assert.Equal(jsonFields, xmlFields);
        return jsonFields.ToDictionary(f => f.Name, f => f.Value);
    }

    /// <summary>How many incidents and clues the platform holds: a refused request adds none.</summary>
    public async Task<(int Incidents, int Clues)> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        return (await db.Incidents.CountAsync(), await db.Clues.CountAsync());
    }
}
