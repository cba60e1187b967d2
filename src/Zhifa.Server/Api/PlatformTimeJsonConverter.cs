using System.Text.Json;
using System.Text.Json.Serialization;
using Zhifa.Core.Time;

namespace Zhifa.Server.Api;

/// <summary>Times go out in the platform's zone (+08:00), whatever offset they are stored in.</summary>
internal sealed class PlatformTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PlatformTime.TryParse(reader.GetString(), out var instant)
            ? instant
            : throw new JsonException("Expected an ISO 8601 time, such as 2026-11-28T09:30:00+08:00.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PlatformTime.ToLocal(value));
}
