using Zhifa.Core.Coordination;

namespace Zhifa.Core.Tests.Coordination;

/// <summary>Every change to a consultation or an action moves its version: the store refuses a change made to a stale copy.</summary>
public sealed class ConsultationVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Attendance_Minutes_Decision_AndClose_EachMoveTheVersion()
    {
        var c = Consultation.Schedule("会商", Now, "330503-ZHZX", ConsultationKind.AdHoc, null, ["330503-NYNC"], [], "dispatcher", Now);
        var versions = new List<int> { c.Version };

        c.RecordAttendance([new Attendee("330503-NYNC", "张三", true)]);
        versions.Add(c.Version);
        c.RecordMinutes("纪要", Now);
        versions.Add(c.Version);
        var action = c.Decide("清理地笼", "330503-NYNC", Now.AddDays(3), "dispatcher", Now);
        versions.Add(c.Version);
        c.Close("dispatcher", Now);
        versions.Add(c.Version);

        Assert.Equal([0, 1, 2, 3, 4], versions);
        Assert.Equal(0, action.Version);
        action.Complete("330503-NYNC", "已清理", "officer", Now);
        Assert.Equal(1, action.Version);
    }

    [Fact]
    public void ARefusedChange_LeavesTheVersion()
    {
        var c = Consultation.Schedule("会商", Now.AddHours(1), "330503-ZHZX", ConsultationKind.AdHoc, null, [], [], "dispatcher", Now);

        Assert.Throws<DomainException>(() => c.RecordMinutes("太早", Now));

        Assert.Equal(0, c.Version);
    }
}
