using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

/// <summary>The certificate issued 2022-01-10 and valid to 2027-01-09, in market regulation, for <see cref="Fixtures.Body"/>.</summary>
public class EligibilityTests
{
    private static readonly PersonnelSettings Settings = PersonnelSettings.Default with { AnnualReviewDueBy = null };

    [Theory]
    [InlineData("2022-01-09", false, "ZFRY-VALID", "eligibility.certificate_not_yet_valid")]
    [InlineData("2022-01-10", true, null, null)]
    [InlineData("2027-01-08", true, null, null)]
    [InlineData("2027-01-09", true, null, null)]
    [InlineData("2027-01-10", false, "ZFRY-VALID", "eligibility.certificate_expired")]
    [Trait("Rule", "ZFRY-VALID")]
    public void AroundTheValidity(string date, bool allowed, string? rule, string? reason)
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        var result = Eligibility.Check(officer, [certificate], Body, Sector.MarketRegulation, Day(date), Settings);
        Assert.Equal((allowed, rule, reason), (result.Allowed, result.RuleId, result.ReasonCode));
        Assert.Equal(certificate.Id, result.CertificateId);
    }

    [Theory]
    [InlineData("2024-04-30", true)]
    [InlineData("2024-05-01", false)]
    [InlineData("2024-07-31", false)]
    [InlineData("2024-08-01", true)]
    [Trait("Rule", "ZFRY-CERT")]
    public void InsideAndOutsideASuspension(string date, bool allowed)
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        certificate.Suspend("执法过错", D(2024, 5, 1), D(2024, 7, 31), Actor, Now);
        var result = Eligibility.Check(officer, [certificate], Body, Sector.MarketRegulation, Day(date), Settings);
        Assert.Equal(allowed, result.Allowed);
        if (!allowed)
            Assert.Equal(("ZFRY-CERT", "eligibility.certificate_suspended"), (result.RuleId, result.ReasonCode));
    }

    [Theory]
    [InlineData("revoke", "eligibility.certificate_revoked")]
    [InlineData("cancel", "eligibility.certificate_cancelled")]
    [InlineData("fail_review", "eligibility.certificate_suspended")]
    [Trait("Rule", "ZFRY-CERT")]
    public void ClosedOrHeldCertificates_DoNotAllow_FromTheirDay(string action, string reason)
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        var on = D(2024, 5, 1);
        _ = action switch
        {
            "revoke" => certificate.Revoke("违法执法", on, Actor, Now),
            "cancel" => certificate.Cancel("换证", on, Actor, Now),
            _ => certificate.FailAnnualReview(2023, "不合格", on, Actor, Now),
        };
        Assert.True(Eligibility.Check(officer, [certificate], Body, Sector.MarketRegulation, on.AddDays(-1), Settings).Allowed);
        var result = Eligibility.Check(officer, [certificate], Body, Sector.MarketRegulation, on, Settings);
        Assert.Equal((false, "ZFRY-CERT", reason), (result.Allowed, result.RuleId, result.ReasonCode));
        Assert.Equal("ZFRY-CERT", result.ToError()!.RuleId);
    }

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public void WithoutCertificate_IsRefused()
    {
        var result = Eligibility.Check(NewOfficer(), [NewCertificate(NewOfficer(idNumber: "11010519491231002X"))], Body, Sector.MarketRegulation, D(2024, 5, 1), Settings);
        Assert.Equal(("ZFRY-CERT", "eligibility.no_certificate"), (result.RuleId, result.ReasonCode));
    }

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public void ForAnotherBody_IsRefused()
    {
        var officer = NewOfficer();
        var result = Eligibility.Check(officer, [NewCertificate(officer)], OtherBody, Sector.MarketRegulation, D(2024, 5, 1), Settings);
        Assert.Equal(("ZFRY-CERT", "eligibility.other_body"), (result.RuleId, result.ReasonCode));
    }

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public void InAFieldTheCertificateDoesNotCover_IsRefused()
    {
        var officer = NewOfficer();
        var result = Eligibility.Check(officer, [NewCertificate(officer)], Body, Sector.Health, D(2024, 5, 1), Settings);
        Assert.Equal(("ZFRY-CERT", "eligibility.field_not_covered"), (result.RuleId, result.ReasonCode));
    }

    [Fact]
    [Trait("Rule", "ZFRY-LEAVE")]
    public void AfterLeaving_IsRefused_AndBeforeItIsNot()
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        officer.ChangeEmployment(EmploymentStatus.Retired, D(2024, 5, 1), null, [certificate], Actor, Now);
        var result = Eligibility.Check(officer, [certificate], Body, Sector.MarketRegulation, D(2024, 5, 1), Settings);
        Assert.Equal(("ZFRY-LEAVE", "eligibility.officer_not_active"), (result.RuleId, result.ReasonCode));
        Assert.True(Eligibility.Check(officer, [certificate], Body, Sector.MarketRegulation, D(2024, 4, 30), Settings).Allowed);
    }

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public void AReplacedCertificate_DoesNotHideTheNewOne()
    {
        var officer = NewOfficer();
        var old = NewCertificate(officer);
        old.Cancel("换证", D(2024, 5, 1), Actor, Now);
        var renewed = NewCertificate(officer, D(2024, 5, 1));
        var result = Eligibility.Check(officer, [old, renewed], Body, Sector.MarketRegulation, D(2024, 6, 1), Settings);
        Assert.Equal((true, renewed.Id), (result.Allowed, result.CertificateId!.Value));
    }

    [Theory]
    [InlineData("2024-03-31", null, true)]
    [InlineData("2024-04-01", null, false)]
    [InlineData("2024-04-01", 2023, true)]
    [InlineData("2023-04-01", null, true)]
    [Trait("Rule", "ZFRY-VALID")]
    public void AnOverdueAnnualReview_IsRefused(string date, int? reviewed, bool allowed)
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        if (reviewed is { } year)
            certificate.PassAnnualReview(year, D(2024, 2, 1), Actor, Now);
        var result = Eligibility.Check(officer, [certificate], Body, Sector.MarketRegulation, Day(date), PersonnelSettings.Default);
        Assert.Equal(allowed, result.Allowed);
        if (!allowed)
            Assert.Equal(("ZFRY-VALID", "eligibility.review_overdue"), (result.RuleId, result.ReasonCode));
    }

    [Fact]
    [Trait("Rule", "XZCF-42")]
    public void Team_NeedsTwoAllowedOfficers()
    {
        var a = NewOfficer();
        var b = NewOfficer(idNumber: "11010519491231002X");
        Certificate[] certificates = [NewCertificate(a), NewCertificate(b)];

        var alone = Eligibility.CheckTeam([a, a], certificates, Body, Sector.MarketRegulation, D(2024, 5, 1), Settings);
        Assert.Equal(("XZCF-42", "eligibility.team_too_small"), (alone.Result.RuleId, alone.Result.ReasonCode));

        Assert.True(Eligibility.CheckTeam([a, b], certificates, Body, Sector.MarketRegulation, D(2024, 5, 1), Settings).Result.Allowed);

        certificates[1].Suspend("执法过错", D(2024, 5, 1), D(2024, 5, 31), Actor, Now);
        var team = Eligibility.CheckTeam([a, b], certificates, Body, Sector.MarketRegulation, D(2024, 5, 1), Settings);
        Assert.Equal("eligibility.certificate_suspended", team.Result.ReasonCode);
        Assert.True(team.Members[a.Id].Allowed);
        Assert.False(team.Members[b.Id].Allowed);
    }

    [Fact]
    [Trait("Rule", "SXZD-MASK")]
    public void PublicVerification_MasksTheName()
    {
        var officer = NewOfficer();
        var certificate = NewCertificate(officer);
        var shown = PublicCertificate.Of(certificate, officer, D(2027, 1, 10));
        Assert.Equal(("张*", "140981202200001", CertificateStatus.Expired), (shown.HolderName, shown.Number, shown.Status));
    }

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
