namespace Zhifa.Core.Officers;

public enum CertificateState
{
    /// <summary>No certificate number, or no validity dates.</summary>
    Missing,
    NotYetValid,
    Valid,
    /// <summary>Valid today, but ends within <see cref="Certificates.ExpiringDays"/> days: time to renew.</summary>
    Expiring,
    Expired,
}

/// <summary>
/// The one rule for "holds a valid 执法证 on a date": a number, and valid-from ≤ date ≤ valid-until, both
/// days included. Only an officer holding one may enforce, so assignment and statistics both ask here.
/// </summary>
public static class Certificates
{
    public const int ExpiringDays = 30;

    public static bool IsValidOn(Officer officer, DateOnly date) =>
        !string.IsNullOrWhiteSpace(officer.CertificateNumber)
        && officer.CertificateValidFrom is { } from && officer.CertificateValidUntil is { } until
        && from <= date && date <= until;

    public static CertificateState StateOn(Officer officer, DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(officer.CertificateNumber) || officer.CertificateValidFrom is not { } from || officer.CertificateValidUntil is not { } until)
            return CertificateState.Missing;
        if (date < from)
            return CertificateState.NotYetValid;
        if (date > until)
            return CertificateState.Expired;
        return until.DayNumber - date.DayNumber < ExpiringDays ? CertificateState.Expiring : CertificateState.Valid;
    }
}
