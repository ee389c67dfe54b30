using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

[Trait("Rule", "ZFRY-CERT")]
public class IssuanceTests
{
    private static readonly DateOnly On = D(2026, 3, 1);

    [Fact]
    public void ActiveOfficer_WithPassedExamAndTraining_GetsACertificate()
    {
        var officer = NewOfficer();
        var certificate = TryIssue(officer, On).Value;
        Assert.Equal(("140981202600001", officer.Id, Body, RegionId), (certificate.Number, certificate.OfficerId, certificate.BodyId, certificate.RegionId));
        Assert.Equal([Sector.MarketRegulation], certificate.Fields);
    }

    [Fact]
    public void WithoutAnExam_IsRefused() => AssertRule("cert.exam_not_passed", Issue(NewOfficer(), exams: []));

    [Fact]
    public void WithAFailedExam_IsRefused()
    {
        var officer = NewOfficer();
        var failed = ExamResult.Record(Session(On.AddMonths(-2)), officer, 59.5m, false, Now).Value;
        AssertRule("cert.exam_not_passed", Issue(officer, exams: [failed]));
    }

    [Fact]
    public void WithAnExamSatAfterTheIssueDate_IsRefused()
    {
        var officer = NewOfficer();
        AssertRule("cert.exam_not_passed", Issue(officer, exams: [Passed(officer, On.AddDays(1))]));
    }

    [Fact]
    public void WithAnotherOfficersPassedExam_IsRefused()
    {
        var officer = NewOfficer();
        AssertRule("cert.exam_not_passed", Issue(officer, exams: [Passed(NewOfficer(idNumber: "11010519491231002X"), On.AddMonths(-1))]));
    }

    [Fact]
    public void WithoutTraining_IsRefused_NamingTheShortfalls()
    {
        var officer = NewOfficer();
        var error = Issue(officer, training: [new(officer.Id, On.AddMonths(-1), TrainingCategory.PublicLegal, 30), new(officer.Id, On, TrainingCategory.Business, 20)]);
        AssertRule("cert.training_not_met", error);
        Assert.Equal(new object[] { 0m, 10m, 0m, 10m }, error.Error!.Args);
    }

    [Fact]
    public void TrainingOlderThanTheWindow_DoesNotCount()
    {
        var officer = NewOfficer();
        AssertRule("cert.training_not_met", Issue(officer, training: FullTraining(officer, On.AddMonths(-12))));
        Assert.True(Issue(officer, training: FullTraining(officer, On.AddMonths(-12).AddDays(1))).IsSuccess, "12 months up to the issue date");
    }

    [Fact]
    public void TrainingWindow_IsASetting()
    {
        var officer = NewOfficer();
        var settings = PersonnelSettings.Default with { PreCertificationTrainingMonths = 24 };
        Assert.True(Issue(officer, training: FullTraining(officer, On.AddMonths(-18)), settings: settings).IsSuccess);
    }

    [Fact]
    public void ToAnOfficerWhoLeft_IsRefused()
    {
        var officer = NewOfficer();
        officer.ChangeEmployment(EmploymentStatus.Resigned, On.AddDays(-10), null, [], Actor, Now);
        AssertRule("cert.officer_not_active", Issue(officer));
    }

    [Fact]
    public void BackdatedToBeforeTheOfficerJoined_IsRefused() =>
        AssertRule("cert.officer_not_active", Issue(NewOfficer(joinedOn: On.AddDays(1))));

    [Fact]
    public void DuplicateNumber_IsAConflict()
    {
        var officer = NewOfficer();
        var result = Certificate.Issue(Application(On), officer, Evidence(officer, On), PersonnelSettings.Default, n => n == "140981202600001", Now);
        var error = Assert.IsType<ConflictError>(result.Error);
        Assert.Equal(("cert.number_duplicate", "number"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("14098120260001", "cert.number_malformed")]
    [InlineData("14098120260000A", "cert.number_malformed")]
    [InlineData("140982202600001", "cert.number_wrong_region")]
    public void MalformedNumber_IsRefused(string number, string code)
    {
        var officer = NewOfficer();
        var result = Certificate.Issue(Application(On, number), officer, Evidence(officer, On), PersonnelSettings.Default, _ => false, Now);
        Assert.Equal(code, Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields["number"]).Code);
    }

    [Fact]
    public void NumberWithSpacesAndLowerCase_IsNormalised()
    {
        var officer = NewOfficer();
        var settings = PersonnelSettings.Default with { CertificateNumberPattern = "JZ{region6}{seq4}" };
        var result = Certificate.Issue(Application(On, " jz1409810007 "), officer, Evidence(officer, On), settings, _ => false, Now);
        Assert.Equal("JZ1409810007", result.Value.Number);
    }

    [Theory]
    [InlineData(Sector.Transport, "cert.field_outside_officer_fields")]
    public void FieldsOutsideTheOfficers_AreRefused(Sector field, string code)
    {
        var officer = NewOfficer();
        var result = Certificate.Issue(Application(On, null, field), officer, Evidence(officer, On), PersonnelSettings.Default, _ => false, Now);
        Assert.Equal(code, Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields["fields"]).Code);
    }

    [Fact]
    public void WithoutFields_IsRefused()
    {
        var officer = NewOfficer();
        var result = Certificate.Issue(Application(On) with { Fields = [] }, officer, Evidence(officer, On), PersonnelSettings.Default, _ => false, Now);
        Assert.Equal("cert.fields_required", Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields["fields"]).Code);
    }

    [Fact]
    public void WhileHoldingALiveCertificate_IsAConflict_UntilItIsCancelled()
    {
        var officer = NewOfficer();
        var old = NewCertificate(officer, D(2022, 1, 10));
        old.Suspend("执法过错", D(2025, 1, 1), D(2026, 12, 31), Actor, Now);
        var renewal = Certificate.Issue(Application(On), officer, Evidence(officer, On, old), PersonnelSettings.Default, _ => false, Now);
        Assert.Equal("cert.already_held", Assert.IsType<ConflictError>(renewal.Error).Code);

        old.Cancel("换证", On, Actor, Now);
        Assert.True(Certificate.Issue(Application(On), officer, Evidence(officer, On, old), PersonnelSettings.Default, _ => false, Now).IsSuccess);
    }

    [Fact]
    public void Validity_IsASetting()
    {
        var certificate = TryIssue(NewOfficer(), On, settings: PersonnelSettings.Default with { CertificateValidityYears = 3 }).Value;
        Assert.Equal(D(2029, 2, 28), certificate.ValidUntil);
    }

    [Fact]
    public void CheckPrerequisites_IsUsableOnItsOwn()
    {
        var officer = NewOfficer();
        var training = CertificateIssuance.Training(FullTraining(officer, On), On, PersonnelSettings.Default);
        Assert.Null(CertificateIssuance.CheckPrerequisites(officer, [Passed(officer, On)], training, On));
        Assert.Equal("ZFRY-CERT", CertificateIssuance.CheckPrerequisites(officer, [], training, On)!.RuleId);
    }

    private static Result<Certificate> Issue(
        Officer officer, ExamResult[]? exams = null, AttendedHours[]? training = null, PersonnelSettings? settings = null) =>
        Certificate.Issue(Application(On), officer,
            new IssuanceEvidence(exams ?? [Passed(officer, On.AddMonths(-2))], training ?? FullTraining(officer, On.AddMonths(-1)), []),
            settings ?? PersonnelSettings.Default, _ => false, Now);

    private static void AssertRule(string code, Result<Certificate> result)
    {
        var violation = Assert.IsType<RuleViolation>(result.Error);
        Assert.Equal(("ZFRY-CERT", code), (violation.RuleId, violation.Code));
    }
}
