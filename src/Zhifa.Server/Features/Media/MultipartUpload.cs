using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Zhifa.Server.Features.Media;

/// <summary>The file of an upload, in a temporary file of the store: its hash, length and first bytes.</summary>
public sealed record ReceivedFile(TempFile File, string Sha256, long Length, byte[] Head) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => File.DisposeAsync();
}

/// <summary>
/// Reads a multipart/form-data body as it streams in: the part named <c>file</c> goes straight to a
/// temporary file, hashed on the way, and nothing is held in memory. Other parts are read past.
/// </summary>
public static class MultipartUpload
{
    public const string Field = "file";

    /// <summary>Room for the multipart envelope around the file: boundaries, part headers, small form fields.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    public static async Task<ReceivedFile> ReceiveAsync(HttpRequest request, MediaStore store, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 200 } boundary)
            throw Invalid("Send the file as multipart/form-data, in a part named 'file'.");
        if (request.ContentLength > maxBytes + EnvelopeBytes)
            throw TooLarge(maxBytes);

        var reader = new MultipartReader(boundary.ToString(), request.Body);
        ReceivedFile? received = null;
        var envelope = EnvelopeBytes;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var named = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(Field, StringComparison.Ordinal);
                if (!named)
                    envelope -= await CopyAsync(section.Body, Stream.Null, null, envelope, maxBytes, ct);
                else if (received is not null)
                    throw Invalid("Send one file per upload.");
                else
                    received = await ToTempFileAsync(section.Body, store, maxBytes, ct);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or MediaRefusedException)
        {
            if (received is not null)
                await received.DisposeAsync();
            throw e switch
            {
                MediaRefusedException refused => refused,
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(maxBytes),
                _ when ct.IsCancellationRequested => e,
                _ => Invalid("The multipart body is malformed or ends early."),
            };
        }
        return received ?? throw Invalid("The 'file' part is missing: send the photo or video in a part named 'file'.");
    }

    private static async Task<ReceivedFile> ToTempFileAsync(Stream body, MediaStore store, long maxBytes, CancellationToken ct)
    {
        var file = store.NewTempFile();
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new MemoryStream(MediaKinds.HeadLength);
            long length;
            await using (var stream = file.Create())
            {
                length = await CopyAsync(body, stream, (hash, head), maxBytes, maxBytes, ct);
                // On disk before it is moved into place: the store keeps evidence, not what a crash left.
                stream.Flush(flushToDisk: true);
            }
            return new ReceivedFile(file, Convert.ToHexStringLower(hash.GetHashAndReset()), length, head.ToArray());
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Copies at most <paramref name="budget"/> bytes, hashing them and keeping the first ones when asked; more is too large.</summary>
    private static async Task<long> CopyAsync(Stream from, Stream to, (IncrementalHash Hash, MemoryStream Head)? keep, long budget, long maxBytes, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int n;
            while ((n = await from.ReadAsync(buffer, ct)) > 0)
            {
                total += n;
                if (total > budget)
                    throw TooLarge(maxBytes);
                if (keep is var (hash, head))
                {
                    hash.AppendData(buffer, 0, n);
                    head.Write(buffer, 0, (int)Math.Min(n, Math.Max(0, MediaKinds.HeadLength - head.Length)));
                }
                await to.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static MediaRefusedException Invalid(string message) => new(StatusCodes.Status400BadRequest, Api.Problems.ValidationCode, message);

    private static MediaRefusedException TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge, "media.too_large",
        $"The file is larger than {maxBytes:N0} bytes, the most an upload may carry.");
}
