using Zhifa.Core.Common;
using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

/// <summary>The certificate issued 2022-01-10, valid to 2027-01-09, in each state, and every transition from it.</summary>
public class CertificateTests
{
    private const string Ok = "ok";
    private const string Illegal = Workflow<CertificateStatus, Zhifa.Core.Personnel.UseCases.CertificateAction>.IllegalTransition;

    [Theory]
    [InlineData("valid", "pass_review", Ok)]
    [InlineData("valid", "fail_review", Ok)]
    [InlineData("valid", "suspend", Ok)]
    [InlineData("valid", "lift", Illegal)]
    [InlineData("valid", "revoke", Ok)]
    [InlineData("valid", "cancel", Ok)]
    [InlineData("valid", "expire", "cert.not_yet_expired")]
    [InlineData("suspended", "pass_review", Ok)]
    [InlineData("suspended", "fail_review", Ok)]
    [InlineData("suspended", "suspend", "cert.already_suspended")]
    [InlineData("suspended", "lift", Ok)]
    [InlineData("suspended", "revoke", Ok)]
    [InlineData("suspended", "cancel", Ok)]
    [InlineData("suspended", "expire", "cert.not_yet_expired")]
    [InlineData("review_held", "pass_review", Ok)]
    [InlineData("review_held", "fail_review", Ok)]
    [InlineData("review_held", "suspend", Ok)]
    [InlineData("review_held", "lift", "cert.suspended_until_review")]
    [InlineData("review_held", "revoke", Ok)]
    [InlineData("review_held", "cancel", Ok)]
    [InlineData("review_held", "expire", "cert.not_yet_expired")]
    [InlineData("revoked", "pass_review", Illegal)]
    [InlineData("revoked", "fail_review", Illegal)]
    [InlineData("revoked", "suspend", Illegal)]
    [InlineData("revoked", "lift", Illegal)]
    [InlineData("revoked", "revoke", Illegal)]
    [InlineData("revoked", "cancel", Illegal)]
    [InlineData("revoked", "expire", Illegal)]
    [InlineData("cancelled", "pass_review", Illegal)]
    [InlineData("cancelled", "fail_review", Illegal)]
    [InlineData("cancelled", "suspend", Illegal)]
    [InlineData("cancelled", "lift", Illegal)]
    [InlineData("cancelled", "revoke", Illegal)]
    [InlineData("cancelled", "cancel", Illegal)]
    [InlineData("cancelled", "expire", Illegal)]
    [InlineData("expired", "pass_review", Illegal)]
    [InlineData("expired", "fail_review", Illegal)]
    [InlineData("expired", "suspend", Illegal)]
    [InlineData("expired", "lift", Illegal)]
    [InlineData("expired", "revoke", Illegal)]
    [InlineData("expired", "cancel", Ok)]
    [InlineData("expired", "expire", Ok)]
    [InlineData("expiry_recorded", "pass_review", Illegal)]
    [InlineData("expiry_recorded", "cancel", Ok)]
    [InlineData("expiry_recorded", "expire", Illegal)]
    [Trait("Rule", "ZFRY-VALID")]
    public void Transition(string state, string action, string expected)
    {
        var (certificate, on) = InState(state);
        var before = Snapshot(certificate);

        var result = Act(certificate, action, on);

        if (expected == Ok)
        {
            Assert.True(result.IsSuccess, result.Error?.Describe());
            Assert.Equal(before.History + 1, certificate.History.Count);
            Assert.Same(result.Value, certificate.History[^1]);
        }
        else
        {
            // An illegal pair is a conflict (409); a guard that does not hold names its rule (422).
            Assert.Equal(expected, result.Error!.Code);
            Assert.IsType(expected == Illegal ? typeof(ConflictError) : typeof(RuleViolation), result.Error);
            Assert.Equal(before, Snapshot(certificate));
        }
    }

    [Theory]
    [InlineData("pass_review", CertificateStatus.Valid)]
    [InlineData("fail_review", CertificateStatus.Suspended)]
    [InlineData("suspend", CertificateStatus.Suspended)]
    [InlineData("revoke", CertificateStatus.Revoked)]
    [InlineData("cancel", CertificateStatus.Cancelled)]
    [Trait("Rule", "ZFRY-VALID")]
    public void Transition_FromValid_LeavesTheStatus(string action, CertificateStatus status)
    {
        var (certificate, on) = InState("valid");
        Act(certificate, action, on);
        Assert.Equal(status, certificate.Status);
        Assert.Equal(status, certificate.StatusOn(on));
    }

    [Fact]
    public void Refusal_CarriesTheStatusAsAResourceKey()
    {
        var (certificate, on) = InState("cancelled");
        var error = certificate.PassAnnualReview(2023, on, Actor, Now).Error!;
        Assert.Equal(new object[] { "enum.CertificateStatus.Cancelled", "enum.CertificateAction.PassReview" }, error.Args);
    }

    [Fact]
    public void Issued_IsValidFiveYearsToTheDayBeforeTheAnniversary()
    {
        var certificate = NewCertificate();
        Assert.Equal((D(2022, 1, 10), D(2027, 1, 9)), (certificate.IssuedOn, certificate.ValidUntil));
        Assert.Equal(CertificateStatus.Valid, certificate.Status);
        var issued = Assert.Single(certificate.History);
        Assert.Equal((CertificateEventKind.Issued, D(2022, 1, 10), Actor), (issued.Kind, issued.On, issued.ActorId!.Value));
    }

    [Theory]
    [InlineData("2022-01-09", CertificateStatus.NotYetValid)]
    [InlineData("2022-01-10", CertificateStatus.Valid)]
    [InlineData("2027-01-09", CertificateStatus.Valid)]
    [InlineData("2027-01-10", CertificateStatus.Expired)]
    [Trait("Rule", "ZFRY-VALID")]
    public void StatusOn_FollowsTheValidity(string date, CertificateStatus status) =>
        Assert.Equal(status, NewCertificate().StatusOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Suspension_CoversItsDaysBothIncluded_AndEndsByItself()
    {
        var certificate = NewCertificate();
        certificate.Suspend("执法过错", D(2024, 5, 1), D(2024, 7, 31), Actor, Now);
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(D(2024, 4, 30)));
        Assert.Equal(CertificateStatus.Suspended, certificate.StatusOn(D(2024, 5, 1)));
        Assert.Equal(CertificateStatus.Suspended, certificate.StatusOn(D(2024, 7, 31)));
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(D(2024, 8, 1)));
        Assert.Equal(D(2024, 7, 31), certificate.SuspendedUntil);
        Assert.True(certificate.Suspend("再次过错", D(2024, 8, 1), D(2024, 8, 31), Actor, Now).IsSuccess, "a new sanction after the first ended");
    }

    [Fact]
    public void LiftedSuspension_IsValidFromTheLiftingDay()
    {
        var certificate = NewCertificate();
        certificate.Suspend("执法过错", D(2024, 5, 1), D(2024, 7, 31), Actor, Now);
        certificate.LiftSuspension("整改完毕", D(2024, 6, 10), Actor, Now);
        Assert.Equal(CertificateStatus.Suspended, certificate.StatusOn(D(2024, 6, 9)));
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(D(2024, 6, 10)));
        Assert.Equal(CertificateStatus.Valid, certificate.Status);
        Assert.Null(certificate.SuspendedUntil);
    }

    [Fact]
    [Trait("Rule", "ZFRY-VALID")]
    public void FailedReview_HoldsUntilAReviewPasses_WhileASanctionRunsItsCourse()
    {
        var certificate = NewCertificate();
        certificate.FailAnnualReview(2023, "培训学时不足", D(2024, 3, 1), Actor, Now);
        certificate.Suspend("执法过错", D(2024, 4, 1), D(2024, 9, 30), Actor, Now);
        certificate.PassAnnualReview(2023, D(2024, 6, 1), Actor, Now);

        Assert.Equal(CertificateStatus.Suspended, certificate.StatusOn(D(2024, 3, 15)));
        Assert.Equal(CertificateStatus.Suspended, certificate.StatusOn(D(2024, 7, 1)));
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(D(2024, 10, 1)));
        Assert.False(certificate.ReviewHold);
        Assert.Equal(2023, certificate.LastReviewedYear);
    }

    [Fact]
    public void History_AnswersForPastDays_AfterRevocation()
    {
        var certificate = NewCertificate();
        certificate.Revoke("违法执法", D(2024, 5, 1), Actor, Now);
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(D(2024, 4, 30)));
        Assert.Equal(CertificateStatus.Revoked, certificate.StatusOn(D(2024, 5, 1)));
        Assert.Equal(CertificateStatus.Revoked, certificate.StatusOn(D(2030, 1, 1)));
    }

    [Fact]
    public void Transition_DatedBeforeTheLastEvent_IsRefused()
    {
        var certificate = NewCertificate();
        certificate.PassAnnualReview(2023, D(2024, 3, 1), Actor, Now);
        var error = Assert.IsType<ValidationError>(certificate.Revoke("违法执法", D(2024, 2, 1), Actor, Now).Error);
        Assert.Equal("cert.date_before_last_event", Assert.Single(error.Fields["on"]).Code);
        Assert.IsType<ValidationError>(certificate.Suspend("x", D(2022, 1, 9), D(2022, 2, 1), Actor, Now).Error);
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2025)]
    public void Review_OfAYearOutsideTheHolding_IsRefused(int year)
    {
        var certificate = NewCertificate();
        var error = Assert.IsType<ValidationError>(certificate.PassAnnualReview(year, D(2024, 3, 1), Actor, Now).Error);
        Assert.Equal("cert.review_year_out_of_range", Assert.Single(error.Fields["year"]).Code);
    }

    [Fact]
    public void Review_OfAYearAlreadyPassed_IsAConflict()
    {
        var certificate = NewCertificate();
        certificate.PassAnnualReview(2023, D(2024, 3, 1), Actor, Now);
        Assert.Equal("cert.review_already_passed", certificate.PassAnnualReview(2023, D(2024, 3, 2), Actor, Now).Error!.Code);
        Assert.Equal("cert.review_already_passed", certificate.FailAnnualReview(2023, "x", D(2024, 3, 2), Actor, Now).Error!.Code);
    }

    [Theory]
    [InlineData("fail_review")]
    [InlineData("suspend")]
    [InlineData("revoke")]
    [InlineData("cancel")]
    public void Decision_WithoutReason_IsRefused(string action)
    {
        var (certificate, on) = InState("valid");
        var error = Assert.IsType<ValidationError>(Act(certificate, action, on, reason: " ").Error);
        Assert.Equal("personnel.reason_required", Assert.Single(error.Fields["reason"]).Code);
        Assert.Single(certificate.History);
    }

    [Fact]
    public void Suspension_EndingBeforeItStarts_IsRefused()
    {
        var certificate = NewCertificate();
        var error = Assert.IsType<ValidationError>(certificate.Suspend("x", D(2024, 5, 1), D(2024, 4, 30), Actor, Now).Error);
        Assert.Equal("cert.suspension_ends_before_start", Assert.Single(error.Fields["until"]).Code);
    }

    [Fact]
    public void Expire_IsDatedTheDayAfterValidity()
    {
        var certificate = NewCertificate();
        var expired = certificate.Expire(D(2027, 3, 1), Now).Value;
        Assert.Equal((CertificateEventKind.Expired, D(2027, 1, 10)), (expired.Kind, expired.On));
        Assert.Null(expired.ActorId);
        Assert.Equal(CertificateStatus.Expired, certificate.Status);
    }

    private static (Certificate, DateOnly) InState(string state)
    {
        var c = NewCertificate();
        var on = D(2024, 6, 1);
        switch (state)
        {
            case "valid":
                break;
            case "suspended":
                c.Suspend("执法过错", D(2024, 5, 1), D(2024, 8, 31), Actor, Now);
                break;
            case "review_held":
                c.FailAnnualReview(2023, "年审不合格", D(2024, 3, 1), Actor, Now);
                break;
            case "revoked":
                c.Revoke("违法执法", D(2024, 5, 1), Actor, Now);
                break;
            case "cancelled":
                c.Cancel("换证", D(2024, 5, 1), Actor, Now);
                break;
            case "expired":
                on = D(2027, 2, 1);
                break;
            case "expiry_recorded":
                c.Expire(D(2027, 1, 20), Now);
                on = D(2027, 2, 1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
        return (c, on);
    }

    private static Result<CertificateEvent> Act(Certificate c, string action, DateOnly on, string reason = "理由") => action switch
    {
        "pass_review" => c.PassAnnualReview(on.Year - 1, on, Actor, Now),
        "fail_review" => c.FailAnnualReview(on.Year - 1, reason, on, Actor, Now),
        "suspend" => c.Suspend(reason, on, on.AddDays(30), Actor, Now),
        "lift" => c.LiftSuspension(reason, on, Actor, Now),
        "revoke" => c.Revoke(reason, on, Actor, Now),
        "cancel" => c.Cancel(reason, on, Actor, Now),
        "expire" => c.Expire(on, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static State Snapshot(Certificate c) => new(c.History.Count, c.Status, c.SuspendedUntil, c.ReviewHold, c.LastReviewedYear, c.UpdatedAt);

    private sealed record State(int History, CertificateStatus Status, DateOnly? SuspendedUntil, bool ReviewHold, int? LastReviewedYear, DateTime UpdatedAt);
}
