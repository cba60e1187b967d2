using Zhifa.Core.Coordination;

namespace Zhifa.Core.Tests.Coordination;

/// <summary>联合会商: minutes and decisions while in session, nothing after closing; 督办事项 completed once, by their owner.</summary>
public class ConsultationTests
{
    private static readonly DateTimeOffset Meeting = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
    private const string Owner = "330503-NYNC";

    private static Consultation Scheduled(DateTimeOffset? at = null) => Consultation.Schedule("河道非法捕捞联合会商", at ?? Meeting, "330503-ZHZX",
        ConsultationKind.AdHoc, null, [Owner, "330503-SL", Owner], [new(Guid.NewGuid(), "SJ-1", AgendaSection.Raised)], "dispatcher.nanxun", Meeting.AddDays(-1));

    [Fact]
    public void Schedule_KeepsEachInvitedDepartmentOnce_AndIsOpen()
    {
        var consultation = Scheduled();

        Assert.Equal([Owner, "330503-SL"], consultation.InvitedDepartmentCodes);
        Assert.Equal(ConsultationStatus.Open, consultation.Status);
        Assert.Single(consultation.Agenda);
    }

    [Fact]
    public void Schedule_WithABlankTopic_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() =>
            Consultation.Schedule("  ", Meeting, "330503-ZHZX", ConsultationKind.AdHoc, null, [], [], "d", Meeting));

        Assert.Equal("consultation.topic_required", refused.Code);
    }

    [Fact]
    public void Schedule_AnIncidentRaisedUnderTwoSections_IsOnTheAgendaOnceUnderTheFirst()
    {
        var id = Guid.NewGuid();
        var consultation = Consultation.Schedule("周研判", Meeting, "330503-ZHZX", ConsultationKind.Weekly, "2026-W49", [],
            [new(id, "SJ-1", AgendaSection.Dispute), new(id, "SJ-1", AgendaSection.Overdue)], "d", Meeting);

        Assert.Equal(AgendaSection.Dispute, Assert.Single(consultation.Agenda).Section);
        Assert.Equal("2026-W49", consultation.Period);
    }

    [Fact]
    public void Minutes_BeforeTheMeetingBegins_AreRefused()
    {
        var consultation = Scheduled();

        var refused = Assert.Throws<DomainException>(() => consultation.RecordMinutes("提前写的纪要", Meeting.AddMinutes(-1)));

        Assert.Equal("consultation.not_started", refused.Code);
        Assert.Null(consultation.Minutes);
    }

    [Fact]
    public void Minutes_FromTheScheduledTime_AreRecorded()
    {
        var consultation = Scheduled();

        consultation.RecordMinutes("会议纪要", Meeting);

        Assert.Equal("会议纪要", consultation.Minutes);
    }

    [Fact]
    public void Decision_BeforeTheMeetingBegins_IsRefused()
    {
        var consultation = Scheduled();

        var refused = Assert.Throws<DomainException>(() => consultation.Decide("清理地笼", Owner, Meeting.AddDays(3), "d", Meeting.AddSeconds(-1)));

        Assert.Equal("consultation.not_started", refused.Code);
        Assert.Empty(consultation.Actions);
    }

    [Fact]
    public void Decision_InSession_BecomesAnOpenActionOfItsOwner()
    {
        var consultation = Scheduled();

        var action = consultation.Decide("清理地笼", Owner, Meeting.AddDays(3), "d", Meeting.AddMinutes(30));

        Assert.Same(action, Assert.Single(consultation.Actions));
        Assert.Equal((Owner, "330503-ZHZX", consultation.Id), (action.OwnerDepartmentCode, action.CenterCode, action.ConsultationId));
        Assert.Equal(TrackedActionStatus.Open, action.StatusAt(Meeting.AddDays(1)));
    }

    [Fact]
    public void Decision_WithADeadlineAlreadyPast_IsRefused()
    {
        var consultation = Scheduled();

        var refused = Assert.Throws<DomainException>(() => consultation.Decide("清理地笼", Owner, Meeting.AddMinutes(10), "d", Meeting.AddMinutes(30)));

        Assert.Equal("consultation.deadline_past", refused.Code);
    }

    [Fact]
    public void Close_BeforeTheMeetingBegins_IsRefused()
    {
        var consultation = Scheduled();

        Assert.Equal("consultation.not_started", Assert.Throws<DomainException>(() => consultation.Close("d", Meeting.AddHours(-1))).Code);
        Assert.Equal(ConsultationStatus.Open, consultation.Status);
    }

    [Fact]
    public void AClosedConsultation_TakesNoMinutesDecisionsAttendanceOrSecondClose()
    {
        var consultation = Scheduled();
        consultation.RecordMinutes("纪要", Meeting);
        consultation.Close("commander.nanxun", Meeting.AddHours(1));
        var later = Meeting.AddHours(2);

        Assert.Equal("consultation.closed", Assert.Throws<DomainException>(() => consultation.RecordMinutes("改纪要", later)).Code);
        Assert.Equal("consultation.closed", Assert.Throws<DomainException>(() => consultation.Decide("补一条", Owner, later.AddDays(1), "d", later)).Code);
        Assert.Equal("consultation.closed", Assert.Throws<DomainException>(() => consultation.RecordAttendance([new(Owner, "张三", true)])).Code);
        Assert.Equal("consultation.closed", Assert.Throws<DomainException>(() => consultation.Close("d", later)).Code);
        Assert.Equal(("纪要", ConsultationStatus.Closed, "commander.nanxun"), (consultation.Minutes, consultation.Status, consultation.ClosedBy));
        Assert.Empty(consultation.Attendance);
    }

    [Fact]
    public void Attendance_BeforeTheMeeting_IsTakenAndReplacedWhole()
    {
        var consultation = Scheduled();
        consultation.RecordAttendance([new(Owner, "张三", true), new("330503-SL", "李四", false)]);

        consultation.RecordAttendance([new(Owner, "王五", true)]);

        Assert.Equal([new Attendee(Owner, "王五", true)], consultation.Attendance);
    }
}
