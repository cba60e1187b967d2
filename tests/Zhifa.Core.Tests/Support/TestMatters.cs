using Zhifa.Core.Matters;

namespace Zhifa.Core.Tests.Support;

/// <summary>Matters as the seed responsibility list (data/matters.csv) writes them.</summary>
internal static class TestMatters
{
    /// <summary>SY01 河道非法捕捞: lead NYNC (county), not delegated, co SL;ZFD.</summary>
    public static Matter Sy01() => Create("SY01", "NYNC", delegated: false, ["SL", "ZFD"]);

    /// <summary>SR01 占道经营: lead ZFD, delegated to the township team.</summary>
    public static Matter Sr01() => Create("SR01", "ZFD", delegated: true, []);

    public static Matter Create(string code, string leadType, bool delegated, IReadOnlyList<string> coTypes, Priority priority = Priority.Normal) => new()
    {
        Code = code,
        Category = "test",
        Name = code,
        NameEn = code,
        LeadDepartmentType = leadType,
        DelegatedToTownship = delegated,
        CoDepartmentTypes = coTypes,
        AcceptLimit = TimeLimit.Parse("2wh"),
        HandleLimit = TimeLimit.Parse("1wd"),
        Priority = priority,
    };
}
