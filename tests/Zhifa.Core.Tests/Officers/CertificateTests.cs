using Zhifa.Core.Officers;

namespace Zhifa.Core.Tests.Officers;

/// <summary>执法证: valid from its first day to its last day, both included, and only with a number.</summary>
public class CertificateTests
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly Until = new(2027, 12, 31);

    internal static Officer With(string? number, DateOnly? from, DateOnly? until, string department = "330503-NYNC") => new()
    {
        Id = Guid.NewGuid(),
        Name = "张三",
        DepartmentCode = department,
        CertificateNumber = number,
        CertificateValidFrom = from,
        CertificateValidUntil = until,
    };

    [Theory]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-01-01", true)]
    [InlineData("2026-06-15", true)]
    [InlineData("2027-12-31", true)]
    [InlineData("2028-01-01", false)]
    public void ValidFromTheFirstDayToTheLastDay(string date, bool valid) =>
        Assert.Equal(valid, Certificates.IsValidOn(With("33050300123", From, Until), DateOnly.Parse(date)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WithoutANumber_IsNotValid(string? number)
    {
        var officer = With(number, From, Until);

        Assert.False(Certificates.IsValidOn(officer, new DateOnly(2026, 6, 15)));
        Assert.Equal(CertificateState.Missing, Certificates.StateOn(officer, new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void WithoutDates_IsNotValid() =>
        Assert.False(Certificates.IsValidOn(With("33050300123", null, null), new DateOnly(2026, 6, 15)));

    [Theory]
    [InlineData("2024-12-31", CertificateState.NotYetValid)]
    [InlineData("2025-01-01", CertificateState.Valid)]
    [InlineData("2027-12-01", CertificateState.Valid)]
    [InlineData("2027-12-02", CertificateState.Expiring)]
    [InlineData("2027-12-31", CertificateState.Expiring)]
    [InlineData("2028-01-01", CertificateState.Expired)]
    public void State_WarnsThirtyDaysBeforeTheEnd(string date, CertificateState state) =>
        Assert.Equal(state, Certificates.StateOn(With("33050300123", From, Until), DateOnly.Parse(date)));
}
