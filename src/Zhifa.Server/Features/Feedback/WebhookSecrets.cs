using System.Security.Cryptography;

namespace Zhifa.Server.Features.Feedback;

internal static class WebhookSecrets
{
    public const string Purpose = "Zhifa.WebhookSecrets.v1";

    /// <summary>32 random bytes, as a "whsec_" string the receiver pastes into its configuration.</summary>
    public static string New() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
