using Zhifa.Core.Common;
using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

/// <summary>Exams, annual assessments and the regional settings.</summary>
public class RecordsTests
{
    [Theory]
    [InlineData(60, true)]
    [InlineData(59.5, false)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    [Trait("Rule", "ZFRY-CERT")]
    public void Exam_PassesAtTheDefaultMark(decimal score, bool passed) =>
        Assert.Equal(passed, ExamResult.Record(Session(D(2026, 5, 1)), NewOfficer(), score, false, Now).Value.Passed);

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public void Exam_PassMarkIsTheRegionsAtScheduling()
    {
        var settings = PersonnelSettings.Default with { ExamPassMark = 70 };
        var session = Session(D(2026, 5, 1), settings);
        var officer = NewOfficer();
        Assert.Equal(70m, session.PassMark);
        Assert.False(ExamResult.Record(session, officer, 69, false, Now).Value.Passed);
        Assert.True(ExamResult.Record(session, officer, 70, false, Now).Value.Passed);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Exam_ScoreOutOfRange_IsRefused(decimal score)
    {
        var error = Assert.IsType<ValidationError>(ExamResult.Record(Session(D(2026, 5, 1)), NewOfficer(), score, false, Now).Error);
        Assert.Equal("exam.score_out_of_range", Assert.Single(error.Fields["score"]).Code);
    }

    [Fact]
    public void Exam_SecondResultInASession_IsAConflict() =>
        Assert.Equal("exam.result_duplicate", ExamResult.Record(Session(D(2026, 5, 1)), NewOfficer(), 80, true, Now).Error!.Code);

    [Fact]
    public void Exam_SessionNeedsAName() =>
        Assert.IsType<ValidationError>(ExamSession.Schedule(RegionId, " ", D(2026, 5, 1), PersonnelSettings.Default, Now).Error);

    [Fact]
    public void Assessment_IsRecordedOncePerYear()
    {
        var officer = NewOfficer();
        var assessment = AnnualAssessment.Record(officer, 2025, AssessmentGrade.Excellent, " 表现突出 ", false, Actor, Now).Value;
        Assert.Equal((officer.Id, 2025, AssessmentGrade.Excellent, "表现突出"), (assessment.OfficerId, assessment.Year, assessment.Grade, assessment.Remarks));
        Assert.Equal("assessment.duplicate", Assert.IsType<ConflictError>(AnnualAssessment.Record(officer, 2025, AssessmentGrade.Competent, null, true, Actor, Now).Error).Code);
    }

    [Theory]
    [InlineData(2027)]
    [InlineData(1979)]
    public void Assessment_OfAYearOutOfRange_IsRefused(int year) =>
        Assert.Equal("assessment.year_out_of_range",
            Assert.Single(Assert.IsType<ValidationError>(AnnualAssessment.Record(NewOfficer(), year, AssessmentGrade.Competent, null, false, Actor, Now).Error).Fields["year"]).Code);

    [Fact]
    public void Settings_DefaultsAreTheNationalOnes()
    {
        var s = PersonnelSettings.Default;
        Assert.Null(s.Validate());
        Assert.Equal((60m, 5, new TrainingRequirement(60, 30, 30, 0)), (s.ExamPassMark, s.CertificateValidityYears, s.Training));
    }

    [Theory]
    [InlineData("examPassMark", "settings.pass_mark_out_of_range")]
    [InlineData("certificateValidityYears", "settings.validity_out_of_range")]
    [InlineData("preCertificationTrainingMonths", "settings.training_window_out_of_range")]
    [InlineData("annualReviewDueBy", "settings.review_due_invalid")]
    [InlineData("training", "settings.training_hours_negative")]
    [InlineData("certificateNumberPattern", "cert.number_pattern_invalid")]
    public void Settings_Invalid_AreRefused(string field, string code)
    {
        var settings = field switch
        {
            "examPassMark" => PersonnelSettings.Default with { ExamPassMark = 101 },
            "certificateValidityYears" => PersonnelSettings.Default with { CertificateValidityYears = 0 },
            "preCertificationTrainingMonths" => PersonnelSettings.Default with { PreCertificationTrainingMonths = 0 },
            "annualReviewDueBy" => PersonnelSettings.Default with { AnnualReviewDueBy = new MonthDay(2, 30) },
            "training" => PersonnelSettings.Default with { Training = new TrainingRequirement(BusinessHours: -1) },
            _ => PersonnelSettings.Default with { CertificateNumberPattern = "{region6}" },
        };
        Assert.Equal(code, Assert.Single(Assert.IsType<ValidationError>(settings.Validate()).Fields[field]).Code);
    }

    [Fact]
    public void MonthDay_29February_FallsOn28InCommonYears()
    {
        Assert.Equal(D(2025, 2, 28), new MonthDay(2, 29).In(2025));
        Assert.Equal(D(2024, 2, 29), new MonthDay(2, 29).In(2024));
    }
}
