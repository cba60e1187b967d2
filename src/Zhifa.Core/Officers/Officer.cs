namespace Zhifa.Core.Officers;

/// <summary>
/// An enforcement officer (执法人员) of one home department. Stationed in a team of another department
/// (县属乡用), they serve that department too; see <see cref="OfficerService"/>.
/// </summary>
public sealed class Officer
{
    public const int MaxNameLength = 64;
    public const int MaxCertificateLength = 32;
    public const int MaxUserNameLength = 64;

    private readonly List<Training> _trainings = [];

    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>The department that employs the officer, e.g. 330503-NYNC; statistics count them here only.</summary>
    public required string DepartmentCode { get; set; }
    /// <summary>执法证 number; null when the officer holds none.</summary>
    public string? CertificateNumber { get; set; }
    public DateOnly? CertificateValidFrom { get; set; }
    public DateOnly? CertificateValidUntil { get; set; }
    /// <summary>Holds the national legal professional qualification (法律职业资格).</summary>
    public bool LegalQualification { get; set; }
    /// <summary>Serves on a legal post (法制岗位), which reviews cases before decisions.</summary>
    public bool LegalPost { get; set; }
    /// <summary>The officer's platform account, when they have one.</summary>
    public string? UserName { get; set; }
    public IReadOnlyList<Training> Trainings => _trainings;

    /// <summary>Records a course; <paramref name="now"/> (the platform's clock) dates the record's id, as every id of the platform is.</summary>
    public Training AddTraining(string course, decimal hours, DateOnly date, DateTimeOffset now)
    {
        var training = new Training { Id = Guid.CreateVersion7(now), OfficerId = Id, Course = course, Hours = hours, Date = date };
        _trainings.Add(training);
        return training;
    }
}

/// <summary>One course an officer attended: the yearly training hours are checked against these.</summary>
public sealed class Training
{
    public const int MaxCourseLength = 100;
    public const decimal MaxHours = 1000;

    public Guid Id { get; init; }
    public Guid OfficerId { get; init; }
    public required string Course { get; init; }
    public decimal Hours { get; init; }
    public DateOnly Date { get; init; }
}
