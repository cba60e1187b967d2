namespace Zhifa.Server.Api;

internal static class StrictEnum
{
    /// <summary>
    /// A single defined name, any case. Enum.TryParse alone would also take numbers and
    /// comma-joined names ("county,township"), which are not values a client may send.
    /// </summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value)
        && Enum.IsDefined(value)
        && !text.Contains(',')
        && !char.IsDigit(text.TrimStart('-', '+', ' ').FirstOrDefault());
}
