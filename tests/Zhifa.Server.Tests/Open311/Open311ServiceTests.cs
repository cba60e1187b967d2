using System.Net;
using System.Xml.Linq;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Open311;

/// <summary>Discovery, the service list and service definitions, in both formats, as the spec names their fields.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311ServiceTests(ZhifaApp app)
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    private static readonly string[] AttributeFields = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"];

    private readonly Open311Api _api = new(app);

    [Fact]
    public async Task Discovery_InBothFormats_NamesTheEndpointItsFormatsAndHowToGetAKey()
    {
        var json = await _api.JsonAsync("/discovery");
        var xml = await _api.XmlAsync("/discovery");

        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], xml.Elements().Select(e => e.Name.LocalName));
        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(["specification", "url", "changeset", "type", "formats"], endpoint.EnumerateObject().Select(p => p.Name));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal("http://localhost/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal("test", endpoint.GetProperty("type").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        var xmlEndpoint = Assert.Single(xml.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal(["text/xml", "application/json"], xmlEndpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Equal(json.GetProperty("changeset").GetString(), (string?)xml.Element("changeset"));
        Assert.Equal(endpoint.GetProperty("url").GetString(), (string?)xmlEndpoint.Element("url"));
        Assert.Contains("api-keys", json.GetProperty("key_service").GetString());
    }

    [Fact]
    public async Task Services_InBothFormats_AreTheMattersOfTheResponsibilityList()
    {
        var matters = await (await app.Cast.As(Cast.CityDispatcher).GetAsync("/api/v1/matters"))
            .ReadAsync<List<Features.Reference.MatterView>>();

        var json = await _api.JsonAsync("/services");
        var xml = await _api.XmlAsync("/services");

        Assert.Equal("services", xml.Name.LocalName);
        Assert.All(xml.Elements(), e => Assert.Equal("service", e.Name.LocalName));
        var jsonServices = json.EnumerateArray().Select(Open311Api.Fields).ToList();
        Assert.Equal(jsonServices, xml.Elements().Select(Open311Api.Fields));
        Assert.All(jsonServices, s => Assert.Equal(ServiceFields, s.Select(f => f.Name)));
        Assert.Equal(matters.Select(m => m.Code).Order(StringComparer.Ordinal), jsonServices.Select(s => s[0].Value));
        var sy01 = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "SY01");
        Assert.Equal("河道非法捕捞", sy01.GetProperty("service_name").GetString());
        Assert.Equal("水域水源", sy01.GetProperty("group").GetString());
        Assert.True(sy01.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", sy01.GetProperty("type").GetString());
        Assert.Contains("Illegal", sy01.GetProperty("keywords").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("农业农村局", sy01.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ServiceDefinition_InBothFormats_OffersTheOptionalOccurredAtDatetime()
    {
        var json = await _api.JsonAsync("/services/SY01");
        var xml = await _api.XmlAsync("/services/SY01");

        Assert.Equal(["service_code", "attributes"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("service_definition", xml.Name.LocalName);
        Assert.Equal("SY01", json.GetProperty("service_code").GetString());
        Assert.Equal("SY01", (string?)xml.Element("service_code"));
        var attribute = Assert.Single(json.GetProperty("attributes").EnumerateArray());
        var xmlAttribute = Assert.Single(xml.Element("attributes")!.Elements("attribute"));
        Assert.Equal(AttributeFields, attribute.EnumerateObject().Select(p => p.Name));
        Assert.Equal(AttributeFields, xmlAttribute.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(
            [("variable", "true"), ("code", "occurred_at"), ("datatype", "datetime"), ("required", "false"), ("order", "1")],
            Open311Api.Fields(attribute).Where(f => f.Name is "variable" or "code" or "datatype" or "required" or "order"));
        Assert.Equal(Open311Api.Fields(attribute).Where(f => f.Name != "values"), Open311Api.Fields(xmlAttribute).Where(f => f.Name != "values"));
        Assert.Empty(attribute.GetProperty("values").EnumerateArray());
        Assert.Empty(xmlAttribute.Element("values")!.Elements());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task ServiceDefinition_WhenTheCodeIsUnknown_Answers404InTheSpecsFormat(string format) =>
        await Open311Api.AssertErrorsAsync(await _api.GetAsync($"/services/XX99.{format}"), HttpStatusCode.NotFound, format, "XX99");

    [Theory]
    [InlineData("/services")]
    [InlineData("/services/SY01")]
    [InlineData("/requests")]
    public async Task Jurisdiction_WhenTheCitysCodeOrEmpty_IsAccepted(string resource)
    {
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"{resource}.json?jurisdiction_id=330500")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"{resource}.xml?jurisdiction_id=")).StatusCode);
    }

    [Theory]
    [InlineData("/services", "json")]
    [InlineData("/services/SY01", "xml")]
    [InlineData("/requests", "json")]
    [InlineData("/requests/330503-20261127-0001", "xml")]
    [InlineData("/tokens/00000000-0000-0000-0000-000000000000", "json")]
    public async Task Jurisdiction_WhenAnotherOne_Answers404NamingIt(string resource, string format) =>
        await Open311Api.AssertErrorsAsync(await _api.GetAsync($"{resource}.{format}?jurisdiction_id=sfgov.org"), HttpStatusCode.NotFound, format, "sfgov.org");

    [Fact]
    public async Task Xml_WhenAnswered_StartsWithTheUtf8Declaration()
    {
        var body = await (await _api.GetAsync("/services.xml")).Content.ReadAsStringAsync();

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body);
        Assert.Equal("services", XDocument.Parse(body).Root!.Name.LocalName);
    }
}
