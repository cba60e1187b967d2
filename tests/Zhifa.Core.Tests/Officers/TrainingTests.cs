using Zhifa.Core.Officers;

namespace Zhifa.Core.Tests.Officers;

/// <summary>A training record's id is dated by the platform's clock, not the machine's.</summary>
public sealed class TrainingTests
{
    [Fact]
    public void AddTraining_DatesTheIdByTheGivenNow()
    {
        var now = new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var officer = new Officer { Id = Guid.CreateVersion7(now), Name = "张三", DepartmentCode = "330503-NYNC" };

        var training = officer.AddTraining("行政执法基础知识", 16, new DateOnly(2031, 3, 1), now);

        Assert.Equal(now, V7Time(training.Id));
        Assert.Same(training, Assert.Single(officer.Trainings));
    }

    /// <summary>The Unix milliseconds in the first 48 bits of a version-7 id.</summary>
    internal static DateTimeOffset V7Time(Guid id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(id.ToString("N")[..12], 16));
}
