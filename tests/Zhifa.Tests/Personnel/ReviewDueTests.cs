using Zhifa.Core.Personnel;
using static Zhifa.Tests.Personnel.Fixtures;

namespace Zhifa.Tests.Personnel;

/// <summary>The next annual review's due date, shown as a deadline on the certificate (certificate issued 2022-01-10, reviews due by 03-31).</summary>
public class ReviewDueTests
{
    [Fact]
    [Trait("Rule", "ZFRY-VALID")]
    public void TheFirstReview_IsOfTheFirstFullYear_DueByMarchOfTheNext()
    {
        var certificate = NewCertificate();
        Assert.Equal(D(2024, 3, 31), certificate.NextReviewDueOn(D(2023, 6, 1), PersonnelSettings.Default));
    }

    [Fact]
    [Trait("Rule", "ZFRY-VALID")]
    public void APassedReview_MovesTheDeadlineToTheNextYear_AndAMissedOneStaysOverdue()
    {
        var certificate = NewCertificate();
        certificate.PassAnnualReview(2023, D(2024, 2, 1), Actor, Now);
        Assert.Equal(D(2025, 3, 31), certificate.NextReviewDueOn(D(2024, 6, 1), PersonnelSettings.Default));

        // The 2024 review was never passed: on 2025-05-01 its deadline has gone by, and the certificate says so.
        Assert.Equal(D(2025, 3, 31), certificate.NextReviewDueOn(D(2025, 5, 1), PersonnelSettings.Default));
        Assert.True(certificate.IsReviewOverdueOn(D(2025, 5, 1), PersonnelSettings.Default));
    }

    [Fact]
    public void NoReviews_NoDeadline()
    {
        var settings = PersonnelSettings.Default with { AnnualReviewDueBy = null };
        Assert.Null(NewCertificate().NextReviewDueOn(D(2024, 6, 1), settings));
    }
}
