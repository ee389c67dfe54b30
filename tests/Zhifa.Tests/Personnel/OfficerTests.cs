using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

public class OfficerTests
{
    [Fact]
    public void Register_StoresTheIdNumberOnlyHashedEncryptedAndMasked()
    {
        var officer = NewOfficer();
        Assert.Equal("张三", officer.FullName);
        Assert.Equal(IdNumber.Hash(ValidId, Pepper), officer.IdNumberHash);
        Assert.Equal("1409**********1234", officer.IdNumberMasked);
        Assert.NotEqual(ValidId, officer.IdNumberProtected);
        Assert.Equal(EmploymentStatus.Active, officer.EmploymentStatus);
        var joined = Assert.Single(officer.EmploymentHistory);
        Assert.Null(joined.From);
        Assert.Equal(EmploymentStatus.Active, joined.To);
    }

    [Fact]
    public void Register_DuplicateIdNumber_IsAConflict()
    {
        var stored = Stored();
        var result = Officer.Register(Profile(), stored, hash => hash == stored.Hash, D(2020, 1, 1), Actor, Now);
        Assert.Equal("officer.id_number_duplicate", Assert.IsType<ConflictError>(result.Error).Code);
    }

    [Theory]
    [InlineData("", "fullName", "officer.name_required")]
    [InlineData("   ", "fullName", "officer.name_required")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "fullName", "officer.name_too_long")]
    public void Register_BadName_IsRefused(string name, string field, string code)
    {
        var result = Officer.Register(Profile() with { FullName = name }, Stored(), _ => false, D(2020, 1, 1), Actor, Now);
        Assert.Equal(code, Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields[field]).Code);
    }

    [Fact]
    public void Register_WithoutFields_IsRefused()
    {
        var result = Officer.Register(Profile() with { Fields = [] }, Stored(), _ => false, D(2020, 1, 1), Actor, Now);
        Assert.Equal("officer.fields_required", Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields["fields"]).Code);
    }

    [Fact]
    public void Register_RefusesLocalTime() =>
        Assert.Throws<ArgumentException>(() => Officer.Register(Profile(), Stored(), _ => false, D(2020, 1, 1), Actor, DateTime.SpecifyKind(Now, DateTimeKind.Local)));

    [Theory]
    [InlineData(EmploymentStatus.Transferred)]
    [InlineData(EmploymentStatus.Resigned)]
    [InlineData(EmploymentStatus.Dismissed)]
    [InlineData(EmploymentStatus.Retired)]
    [InlineData(EmploymentStatus.Deceased)]
    [Trait("Rule", "ZFRY-LEAVE")]
    public void Leaving_CancelsTheCertificate_InTheSameOperation(EmploymentStatus status)
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        var change = officer.ChangeEmployment(status, D(2024, 6, 30), "离岗", [certificate], Actor, Now).Value;

        Assert.Equal(status, officer.EmploymentStatus);
        Assert.Equal((EmploymentStatus.Active, status, D(2024, 6, 30)), (change.From!.Value, change.To, change.On));
        Assert.Equal(CertificateStatus.Cancelled, certificate.Status);
        var cancelled = certificate.History[^1];
        Assert.Equal((CertificateEventKind.Cancelled, D(2024, 6, 30), "ZFRY-LEAVE", "离岗"), (cancelled.Kind, cancelled.On, cancelled.RuleId, cancelled.Reason));
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(D(2024, 6, 29)));
        Assert.Equal(CertificateStatus.Cancelled, certificate.StatusOn(D(2024, 6, 30)));
    }

    [Fact]
    [Trait("Rule", "ZFRY-LEAVE")]
    public void Leaving_CancelsSuspendedAndExpiredCertificates_AndLeavesClosedOnesAlone()
    {
        var officer = NewOfficer(D(2010, 1, 1));
        var old = NewCertificate(officer, D(2012, 1, 10));
        old.Revoke("违法违纪", D(2013, 1, 1), Actor, Now);
        var expired = NewCertificate(officer, D(2015, 1, 10));
        var suspended = NewCertificate(officer, D(2020, 3, 1));
        suspended.Suspend("违规执法", D(2021, 1, 1), D(2021, 12, 31), Actor, Now);

        officer.ChangeEmployment(EmploymentStatus.Retired, D(2021, 6, 1), null, [old, expired, suspended], Actor, Now);

        Assert.Equal(CertificateStatus.Revoked, old.Status);
        Assert.Equal(2, old.History.Count);
        Assert.Equal(CertificateStatus.Cancelled, expired.Status);
        Assert.Equal(CertificateStatus.Cancelled, suspended.Status);
    }

    [Fact]
    [Trait("Rule", "ZFRY-LEAVE")]
    public void Leaving_BeforeTheCertificatesLastEvent_CancelsOnThatEventsDay()
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        certificate.PassAnnualReview(2023, D(2024, 3, 1), Actor, Now);
        officer.ChangeEmployment(EmploymentStatus.Resigned, D(2024, 2, 1), null, [certificate], Actor, Now);
        Assert.Equal(D(2024, 3, 1), certificate.History[^1].On);
        Assert.Equal(CertificateStatus.Cancelled, certificate.Status);
    }

    [Theory]
    [InlineData(EmploymentStatus.Active, EmploymentStatus.Active)]
    [InlineData(EmploymentStatus.Retired, EmploymentStatus.Active)]
    [InlineData(EmploymentStatus.Retired, EmploymentStatus.Resigned)]
    [InlineData(EmploymentStatus.Deceased, EmploymentStatus.Active)]
    [InlineData(EmploymentStatus.Deceased, EmploymentStatus.Retired)]
    public void IllegalEmploymentChange_IsAConflict_AndChangesNothing(EmploymentStatus from, EmploymentStatus to)
    {
        var officer = NewOfficer();
        if (from != EmploymentStatus.Active)
            officer.ChangeEmployment(from, D(2024, 1, 1), null, [], Actor, Now);
        var history = officer.EmploymentHistory.Count;

        var result = officer.ChangeEmployment(to, D(2024, 2, 1), null, [], Actor, Now);

        var error = Assert.IsType<ConflictError>(result.Error);
        Assert.Equal("officer.employment_transition", error.Code);
        Assert.Equal(new object[] { $"enum.EmploymentStatus.{from}", $"enum.EmploymentStatus.{to}" }, error.Args);
        Assert.Equal(from, officer.EmploymentStatus);
        Assert.Equal(history, officer.EmploymentHistory.Count);
    }

    [Fact]
    public void EmploymentChange_DatedBeforeTheLast_IsRefused_AndTheCertificateStays()
    {
        var officer = NewOfficer(D(2020, 1, 1));
        var certificate = NewCertificate(officer);
        var result = officer.ChangeEmployment(EmploymentStatus.Resigned, D(2019, 12, 31), null, [certificate], Actor, Now);
        Assert.Equal("officer.employment_date_before_last", Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields["on"]).Code);
        Assert.Equal(EmploymentStatus.Active, officer.EmploymentStatus);
        Assert.Equal(CertificateStatus.Valid, certificate.Status);
    }

    [Fact]
    public void EmploymentChange_WithAnotherOfficersCertificate_IsABug()
    {
        var certificate = NewCertificate(NewOfficer());
        Assert.Throws<ArgumentException>(() => NewOfficer().ChangeEmployment(EmploymentStatus.Resigned, D(2024, 1, 1), null, [certificate], Actor, Now));
    }

    [Fact]
    public void Transfer_ThenRejoinAtAnotherBody_KeepsTheWholeHistory()
    {
        var officer = NewOfficer(D(2020, 1, 1));
        Assert.Equal("officer.body_change_needs_transfer",
            Assert.IsType<ConflictError>(officer.Update(Profile(OtherBody), Now)).Code);

        officer.ChangeEmployment(EmploymentStatus.Transferred, D(2024, 3, 1), "调往卫健委", [], Actor, Now);
        Assert.Null(officer.Update(Profile(OtherBody, Sector.Health), Now));
        officer.ChangeEmployment(EmploymentStatus.Active, D(2024, 3, 15), null, [], Actor, Now);

        Assert.Equal(OtherBody, officer.BodyId);
        Assert.Equal([Sector.Health], officer.Fields);
        Assert.Equal([EmploymentStatus.Active, EmploymentStatus.Transferred, EmploymentStatus.Active], officer.EmploymentHistory.Select(c => c.To));
        Assert.Null(officer.EmploymentStatusOn(D(2019, 12, 31)));
        Assert.Equal(EmploymentStatus.Active, officer.EmploymentStatusOn(D(2024, 2, 29)));
        Assert.Equal(EmploymentStatus.Transferred, officer.EmploymentStatusOn(D(2024, 3, 14)));
        Assert.True(officer.IsActiveOn(D(2024, 3, 15)));
    }

    [Fact]
    public void CorrectIdNumber_RefusesANumberOfAnotherOfficer()
    {
        var officer = NewOfficer();
        var other = Stored("11010519491231002X");
        Assert.IsType<ConflictError>(officer.CorrectIdNumber(other, h => h == other.Hash, Now));
        Assert.Equal(IdNumber.Hash(ValidId, Pepper), officer.IdNumberHash);
        Assert.Null(officer.CorrectIdNumber(other, _ => false, Now));
        Assert.Equal("1101**********002X", officer.IdNumberMasked);
    }
}
