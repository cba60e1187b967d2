namespace Zhifa.Server.Features.Disputes;

/// <summary><c>Disputes</c> in configuration.</summary>
public sealed class DisputeOptions
{
    /// <summary>
    /// Disputes about one matter within the statistics' period from which its responsibility list is
    /// flagged for amendment: one dispute is a hard case, repeated ones mean the list is unclear.
    /// </summary>
    public int AmendmentThreshold { get; set; } = 3;
}
