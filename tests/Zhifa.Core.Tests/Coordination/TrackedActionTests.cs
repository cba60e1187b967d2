using Zhifa.Core.Coordination;

namespace Zhifa.Core.Tests.Coordination;

/// <summary>督办事项: completed by the owner department only, once; overdue while open past the deadline.</summary>
public class TrackedActionTests
{
    private static readonly DateTimeOffset Meeting = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Due = Meeting.AddDays(3);
    private const string Owner = "330503-NYNC";

    private static TrackedAction Decided() =>
        Consultation.Schedule("会商", Meeting, "330503-ZHZX", ConsultationKind.AdHoc, null, [Owner], [], "d", Meeting)
            .Decide("三日内清理地笼", Owner, Due, "d", Meeting);

    [Fact]
    public void Complete_ByTheOwnerDepartment_IsDoneWithTheNote()
    {
        var action = Decided();

        action.Complete(Owner, "已清理地笼12个", "officer.nanxun.nync", Meeting.AddDays(1));

        Assert.Equal((TrackedActionStatus.Done, "已清理地笼12个", "officer.nanxun.nync"), (action.StatusAt(Due.AddDays(5)), action.CompletionNote, action.CompletedBy));
    }

    [Fact]
    public void Complete_ByAnotherDepartment_IsRefused()
    {
        var action = Decided();

        var refused = Assert.Throws<DomainException>(() => action.Complete("330503-SL", "不是我们的", "officer.sl", Meeting.AddDays(1)));

        Assert.Equal("action.not_owner", refused.Code);
        Assert.False(action.IsDone);
    }

    [Fact]
    public void Complete_Twice_IsRefused_AndKeepsTheFirst()
    {
        var action = Decided();
        action.Complete(Owner, "第一次", "a", Meeting.AddDays(1));

        var refused = Assert.Throws<DomainException>(() => action.Complete(Owner, "第二次", "b", Meeting.AddDays(2)));

        Assert.Equal("action.already_done", refused.Code);
        Assert.Equal(("第一次", Meeting.AddDays(1)), (action.CompletionNote, action.CompletedAt!.Value));
    }

    [Fact]
    public void Complete_WithoutANote_IsRefused()
    {
        Assert.Equal("action.note_required", Assert.Throws<DomainException>(() => Decided().Complete(Owner, " ", "a", Meeting)).Code);
    }

    [Theory]
    [InlineData(-1, TrackedActionStatus.Open)]
    [InlineData(0, TrackedActionStatus.Open)]
    [InlineData(1, TrackedActionStatus.Overdue)]
    public void Status_OfAnOpenAction_TurnsOverdueOnlyAfterTheDeadline(int secondsAfterDue, TrackedActionStatus expected)
    {
        var action = Decided();

        Assert.Equal(expected, action.StatusAt(Due.AddSeconds(secondsAfterDue)));
        Assert.Equal(expected == TrackedActionStatus.Overdue, action.IsOverdueAt(Due.AddSeconds(secondsAfterDue)));
    }

    [Fact]
    public void Status_OfAnActionCompletedLate_IsDoneNotOverdue()
    {
        var action = Decided();
        action.Complete(Owner, "迟到完成", "a", Due.AddDays(1));

        Assert.Equal(TrackedActionStatus.Done, action.StatusAt(Due.AddDays(2)));
    }
}
