using System.Text.Json;
using System.Text.Json.Serialization;
using Zhifa.Core.Time;

namespace Zhifa.Server.Api;

/// <summary>Times go out in the platform's zone (+08:00), whatever offset they are stored in.</summary>
internal sealed class PlatformTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PlatformTime.ToLocal(value));
}
