using SkiaSharp;

namespace Zhifa.Server.Features.Media;

/// <summary>
/// EXIF orientation: a camera stores the sensor's rows as they came and says, in the metadata, how to
/// turn them. A copy without metadata must be turned for real, or a portrait photo shows on its side.
/// </summary>
public static class Orientation
{
    /// <summary>The image turned upright; null when it already is.</summary>
    public static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
            return null;
        var (w, h) = (source.Width, source.Height);
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(source.Info.WithSize(sideways ? h : w, sideways ? w : h));
        using var canvas = new SKCanvas(target);
        canvas.SetMatrix(Transform(origin, w, h));
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }

    /// <summary>
    /// Where a stored pixel (x, y) of a w × h image is shown: EXIF says on which side of the picture the
    /// stored first row and first column belong (x' = scaleX·x + skewX·y + transX, y' = skewY·x + scaleY·y + transY).
    /// </summary>
    private static SKMatrix Transform(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),       // mirrored: (w − x, y)
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),   // upside down: (w − x, h − y)
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),     // flipped: (x, h − y)
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),         // transposed: (y, x)
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),       // a quarter turn clockwise: (h − y, x)
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),   // transversed: (h − y, w − x)
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),     // a quarter turn anticlockwise: (y, w − x)
        _ => SKMatrix.Identity,
    };
}
