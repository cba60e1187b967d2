using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Zhifa.Server.Ui;

/// <summary>Reading a file the person chose in the browser, over the circuit, with a progress bar that is worth redrawing.</summary>
public static class BrowserFiles
{
    /// <summary>
    /// The file's bytes, as many as actually came (the size the browser announced is only a claim).
    /// <paramref name="progress"/> hears the share read, 0–1, each time it has grown by a twentieth:
    /// a redraw per 32 KiB piece would cost hundreds of renders for one photo.
    /// </summary>
    public static async Task<byte[]> ReadAsync(IBrowserFile file, long maxBytes, Action<double> progress)
    {
        var bytes = new MemoryStream((int)Math.Min(file.Size, maxBytes));
        var buffer = new byte[64 * 1024];
        var shown = 0.0;
        await using var source = file.OpenReadStream(maxBytes);
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            bytes.Write(buffer, 0, read);
            var share = file.Size == 0 ? 1 : Math.Min(1, (double)bytes.Length / file.Size);
            if (share - shown >= 0.05 || share >= 1)
            {
                shown = share;
                progress(share);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>What goes wrong with a browser's file or the way to the platform that the page should show, not die of.</summary>
    public static bool IsTransferFailure(Exception e) =>
        e is IOException or JSException or HttpRequestException or TaskCanceledException;
}
