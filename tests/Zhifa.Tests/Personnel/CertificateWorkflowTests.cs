using Zhifa.Core.Identity;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Core.Personnel.CertificateStatus;
using static Zhifa.Core.Personnel.UseCases.CertificateAction;

namespace Zhifa.Tests.Personnel;

/// <summary>The certificate's workflow table, pinned by hand: a change to it must change this test too.</summary>
public class CertificateWorkflowTests
{
    [Fact]
    [Trait("Rule", "ZFRY-VALID")]
    public void Table_IsExactlyTheHandWrittenOne()
    {
        WorkflowAssert.Pins(CertificateWorkflow.Table, """
                        PassReview  FailReview  Suspend    LiftSuspension  Revoke   Cancel     Expire   LeavePost
            NotYetValid -           -           -          -               -        -          -        -
            Valid       Valid       Suspended   Suspended  -               Revoked  Cancelled  Expired  Cancelled
            Suspended   Valid       Suspended   Suspended  Valid           Revoked  Cancelled  Expired  Cancelled
            Revoked     -           -           -          -               -        -          -        -
            Cancelled   -           -           -          -               -        -          -        -
            Expired     -           -           -          -               -        Cancelled  -        Cancelled
            """);
    }

    [Fact]
    [Trait("Rule", "ZFRY-VALID")]
    public void Permissions_AndGuards_AreTheHandWrittenOnes()
    {
        WorkflowAssert.PinsPermissionsAndGuards(CertificateWorkflow.Table,
            new Dictionary<CertificateAction, string?>
            {
                [PassReview] = PersonnelPermissions.CertificateIssue, [FailReview] = PersonnelPermissions.CertificateIssue, [Suspend] = PersonnelPermissions.CertificateIssue,
                [LiftSuspension] = PersonnelPermissions.CertificateIssue, [Revoke] = PersonnelPermissions.CertificateIssue, [Cancel] = PersonnelPermissions.CertificateIssue,
                [Expire] = null, [LeavePost] = null,
            },
            new Dictionary<(CertificateStatus, CertificateAction), string>
            {
                [(Valid, Expire)] = "ZFRY-VALID", [(Suspended, Expire)] = "ZFRY-VALID", [(Suspended, LiftSuspension)] = "ZFRY-VALID",
                [(Suspended, Suspend)] = "CERT-ONE-SANCTION",
            });
    }

    [Fact]
    public void Available_ToAnIssuer_FollowsTheStatusAndTheGuards()
    {
        bool Issuer(string p) => p == PersonnelPermissions.CertificateIssue;
        var on = Fixtures.D(2024, 3, 1);
        var certificate = Fixtures.NewCertificate();
        Assert.Equal([PassReview, FailReview, Suspend, Revoke, Cancel], CertificateWorkflow.Available(certificate, on, Issuer));
        Assert.Empty(CertificateWorkflow.Available(certificate, on, _ => false));

        Assert.True(certificate.Suspend("暂扣", on, on.AddDays(10), Fixtures.Actor, Fixtures.Now).IsSuccess);
        // Under a sanction: no second sanction, but it may be lifted.
        Assert.Equal([PassReview, FailReview, LiftSuspension, Revoke, Cancel], CertificateWorkflow.Available(certificate, on, Issuer));
    }
}
