using Zhifa.Core.Common;
using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

[Trait("Rule", "ZFRY-TRAIN")]
public class TrainingTests
{
    private static readonly Guid Someone = Guid.Parse("00000000-0000-0000-0000-00000000000f");
    private static readonly TrainingRequirement TwentyForty = new(TotalHours: 60, PublicLegalHours: 20, BusinessHours: 40);

    private static AttendedHours[] Hours(decimal publicLegal, decimal business, decimal political = 0, int year = 2026) =>
    [
        new(Someone, new DateOnly(year, 3, 1), TrainingCategory.PublicLegal, publicLegal),
        new(Someone, new DateOnly(year, 6, 1), TrainingCategory.Business, business),
        new(Someone, new DateOnly(year, 9, 1), TrainingCategory.PoliticalTheory, political),
    ];

    [Fact]
    public void Summary_AddsHoursPerCategory()
    {
        AttendedHours[] attended = [.. Hours(12.5m, 20, 6), new(Someone, D(2026, 12, 31), TrainingCategory.PublicLegal, 4), new(Someone, D(2025, 12, 31), TrainingCategory.PublicLegal, 40)];
        var s = TrainingCalculator.Summarise(attended, 2026, TrainingRequirement.Default);
        Assert.Equal((16.5m, 20m, 6m, 42.5m), (s.PublicLegal, s.Business, s.PoliticalTheory, s.Total));
        Assert.Equal((13.5m, 10m, 17.5m), (s.ShortfallIn(TrainingCategory.PublicLegal), s.ShortfallIn(TrainingCategory.Business), s.TotalShortfall));
        Assert.Equal(
            [new TrainingShortfall(TrainingCategory.PublicLegal, 13.5m), new TrainingShortfall(TrainingCategory.Business, 10m), new TrainingShortfall(null, 17.5m)],
            s.Shortfalls);
        Assert.False(s.Met);
    }

    [Theory]
    [InlineData(30, 30, 0, true)]
    [InlineData(29.5, 30, 0, false)]
    [InlineData(30, 29.5, 0, false)]
    [InlineData(40, 40, 0, true)]
    [InlineData(25, 35, 10, false)]
    public void DefaultRequirement_60With30And30(decimal publicLegal, decimal business, decimal political, bool met) =>
        Assert.Equal(met, TrainingCalculator.Summarise(Hours(publicLegal, business, political), 2026, TrainingRequirement.Default).Met);

    [Theory]
    [InlineData(20, 40, 0, true)]
    [InlineData(19.5, 40, 0.5, false)]
    [InlineData(20, 39.5, 0, false)]
    [InlineData(30, 30, 0, false)]
    [InlineData(20, 40, 10, true)]
    public void RegionalRequirement_20Plus40(decimal publicLegal, decimal business, decimal political, bool met) =>
        Assert.Equal(met, TrainingCalculator.Summarise(Hours(publicLegal, business, political), 2026, TwentyForty).Met);

    [Fact]
    public void Total_CanFallShortWhenEveryCategoryIsMet()
    {
        var s = TrainingCalculator.Summarise(Hours(30, 25), 2026, new TrainingRequirement(60, 20, 20));
        Assert.Equal([new TrainingShortfall(null, 5m)], s.Shortfalls);
    }

    [Fact]
    public void ShortOfRequirement_ListsActiveOfficersByHoursShort()
    {
        var asOf = D(2026, 11, 30);
        var done = NewOfficer();
        var little = NewOfficer(idNumber: "11010519491231002X");
        var some = NewOfficer(idNumber: "440524188001010014");
        var gone = NewOfficer(idNumber: "140702198511205517");
        gone.ChangeEmployment(EmploymentStatus.Resigned, D(2026, 6, 1), null, [], Actor, Now);
        AttendedHours[] attended = [.. FullTraining(done, D(2026, 5, 1)), new(some.Id, D(2026, 5, 1), TrainingCategory.Business, 30), new(some.Id, D(2026, 12, 1), TrainingCategory.PublicLegal, 30)];

        var shortList = TrainingCalculator.ShortOfRequirement([done, little, some, gone], attended, asOf, TrainingRequirement.Default);

        Assert.Equal([little.Id, some.Id], shortList.Select(s => s.OfficerId));
        Assert.Equal([new TrainingShortfall(TrainingCategory.PublicLegal, 30), new TrainingShortfall(null, 30)], shortList[1].Summary.Shortfalls);
    }

    [Fact]
    public void RotationRate_IsTheShareOfActiveOfficersWhoMetTheRequirementByTheDeadline()
    {
        var a = NewOfficer();
        var b = NewOfficer(idNumber: "11010519491231002X");
        var c = NewOfficer(idNumber: "440524188001010014");
        var late = NewOfficer(idNumber: "140702198511205517");
        var gone = NewOfficer(idNumber: "140981198511200026");
        gone.ChangeEmployment(EmploymentStatus.Retired, D(2026, 3, 1), null, [], Actor, Now);
        AttendedHours[] attended = [.. FullTraining(a, D(2026, 4, 1)), .. FullTraining(b, D(2026, 6, 30)), .. FullTraining(late, D(2026, 7, 1)), .. FullTraining(gone, D(2026, 2, 1))];

        var rotation = TrainingCalculator.RotationRate([a, b, c, late, gone], attended, D(2026, 1, 1), D(2026, 6, 30), TrainingRequirement.Default);

        Assert.Equal((4, 2, 0.5m), (rotation.Officers, rotation.Completed, rotation.Rate!.Value));
        Assert.Equal([c.Id, late.Id], rotation.Incomplete.Select(i => i.OfficerId));
        Assert.Null(TrainingCalculator.RotationRate([], [], D(2026, 1, 1), D(2026, 6, 30), TrainingRequirement.Default).Rate);
    }

    [Fact]
    public void Session_TakesTheCoursesCategoryAndHours_AndCountsOnItsLastDay()
    {
        var course = TrainingCourse.Create("行政处罚法专题", TrainingCategory.PublicLegal, 16, Body, Now).Value;
        var session = TrainingSession.Schedule(course, D(2025, 12, 30), D(2026, 1, 2), null, Now).Value;
        var officer = NewOfficer();
        var attendance = TrainingAttendance.Record(session, officer, null, false, Now).Value;
        var hours = AttendedHours.Of(attendance, session);
        Assert.Equal(new AttendedHours(officer.Id, D(2026, 1, 2), TrainingCategory.PublicLegal, 16), hours);
        Assert.Equal(16m, TrainingCalculator.Summarise([hours], 2026, TrainingRequirement.Default).PublicLegal);
    }

    [Fact]
    public void Attendance_ForPartOfASession_CreditsFewerHours_NeverMore()
    {
        var course = TrainingCourse.Create("执法文书", TrainingCategory.Business, 8, Body, Now).Value;
        var session = TrainingSession.Schedule(course, D(2026, 4, 1), D(2026, 4, 1), 6, Now).Value;
        var officer = NewOfficer();
        Assert.Equal(3m, TrainingAttendance.Record(session, officer, 3, false, Now).Value.Hours);
        Assert.Equal("training.attendance_hours_out_of_range",
            Assert.Single(Assert.IsType<ValidationError>(TrainingAttendance.Record(session, officer, 6.5m, false, Now).Error).Fields["hours"]).Code);
        Assert.Equal("training.attendance_duplicate", TrainingAttendance.Record(session, officer, null, true, Now).Error!.Code);
    }

    [Fact]
    public void Attendance_OfAnOfficerWhoLeft_IsRefused()
    {
        var course = TrainingCourse.Create("执法文书", TrainingCategory.Business, 8, Body, Now).Value;
        var session = TrainingSession.Schedule(course, D(2026, 4, 1), D(2026, 4, 1), null, Now).Value;
        var officer = NewOfficer();
        officer.ChangeEmployment(EmploymentStatus.Transferred, D(2026, 3, 1), null, [], Actor, Now);
        Assert.Equal("training.officer_not_active", TrainingAttendance.Record(session, officer, null, false, Now).Error!.Code);
    }

    [Theory]
    [InlineData("", 8, "name", "training.name_required")]
    [InlineData("课程", 0, "hours", "training.hours_out_of_range")]
    [InlineData("课程", 201, "hours", "training.hours_out_of_range")]
    public void Course_BadInput_IsRefused(string name, decimal hours, string field, string code)
    {
        var error = Assert.IsType<ValidationError>(TrainingCourse.Create(name, TrainingCategory.Business, hours, Body, Now).Error);
        Assert.Equal(code, Assert.Single(error.Fields[field]).Code);
    }

    [Fact]
    public void Session_EndingBeforeItStarts_IsRefused()
    {
        var course = TrainingCourse.Create("课程", TrainingCategory.Business, 8, Body, Now).Value;
        Assert.Equal("training.ends_before_start",
            Assert.Single(Assert.IsType<ValidationError>(TrainingSession.Schedule(course, D(2026, 4, 2), D(2026, 4, 1), null, Now).Error).Fields["endsOn"]).Code);
    }
}
