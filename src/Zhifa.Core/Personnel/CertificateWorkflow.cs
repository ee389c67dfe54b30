using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Personnel.UseCases;
using static Zhifa.Core.Personnel.CertificateStatus;
using static Zhifa.Core.Personnel.UseCases.CertificateAction;

namespace Zhifa.Core.Personnel;

/// <summary>
/// The certificate's workflow as a table (<see cref="Workflow{TState, TAction}"/> states the convention). A user's
/// action is checked against the status on the day it takes effect (<see cref="Certificate.StatusOn"/>); the system's
/// steps (expiry, leaving the post) against the stored status. A suspension's end and expiry come from the calendar,
/// so <c>To</c> is the status the step leaves when no other suspension runs: a passed review or a lifted sanction
/// leaves the certificate suspended while the other (a sanction, a failed review's hold) is still in force.
/// </summary>
public static class CertificateWorkflow
{
    /// <summary>Only a sanction (暂扣) is lifted; a failed review's hold ends with a passed review (ZFRY-VALID).</summary>
    public static readonly TransitionGuard SanctionInForce = new("ZFRY-VALID", "cert.suspended_until_review");

    /// <summary>One sanction at a time: a second waits until the first has ended or been lifted.</summary>
    public static readonly TransitionGuard NoSanctionInForce = new("CERT-ONE-SANCTION", "cert.already_suspended");

    /// <summary>Expiry is recorded only after the last day of validity (ZFRY-VALID).</summary>
    public static readonly TransitionGuard ValidityEnded = new("ZFRY-VALID", "cert.not_yet_expired");

    private const string Issue = PersonnelPermissions.CertificateIssue;

    public static readonly Workflow<CertificateStatus, CertificateAction> Table = new(
    [
        new(Valid, PassReview, Valid, Issue, Effect: "records the year's passed review (年审合格)"),
        new(Valid, FailReview, Suspended, Issue, Effect: "holds the certificate until a later review passes"),
        new(Valid, Suspend, Suspended, Issue, Effect: "暂扣 from the day to the end day, both included"),
        new(Valid, Revoke, Revoked, Issue, Effect: "吊销/收回; final"),
        new(Valid, Cancel, Cancelled, Issue, Effect: "注销; final"),
        new(Valid, Expire, Expired, null, ValidityEnded, "the daily job records the expiry the day after the last day of validity"),
        new(Valid, LeavePost, Cancelled, null, Effect: "ZFRY-LEAVE: cancelled with the officer's change of employment"),

        new(Suspended, PassReview, Valid, Issue, Effect: "ends a failed review's hold; a running sanction keeps it suspended"),
        new(Suspended, FailReview, Suspended, Issue, Effect: "holds the certificate until a later review passes"),
        new(Suspended, Suspend, Suspended, Issue, NoSanctionInForce, "a sanction while a failed review holds it"),
        new(Suspended, LiftSuspension, Valid, Issue, SanctionInForce, "ends the sanction early; a failed review's hold stays"),
        new(Suspended, Revoke, Revoked, Issue, Effect: "吊销/收回; final"),
        new(Suspended, Cancel, Cancelled, Issue, Effect: "注销; final"),
        new(Suspended, Expire, Expired, null, ValidityEnded, "the daily job records the expiry the day after the last day of validity"),
        new(Suspended, LeavePost, Cancelled, null, Effect: "ZFRY-LEAVE: cancelled with the officer's change of employment"),

        new(Expired, Cancel, Cancelled, Issue, Effect: "注销 of a certificate recovered after expiry; final"),
        new(Expired, LeavePost, Cancelled, null, Effect: "ZFRY-LEAVE: cancelled with the officer's change of employment"),
    ]);

    /// <summary>Whether <paramref name="guard"/> holds for a step of the certificate dated <paramref name="on"/>.</summary>
    public static bool Holds(Certificate certificate, TransitionGuard guard, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return guard == ValidityEnded ? on > certificate.ValidUntil
            : guard == SanctionInForce ? certificate.SanctionUntil(on) is not null
            : guard == NoSanctionInForce ? certificate.SanctionUntil(on) is null
            : throw new ArgumentOutOfRangeException(nameof(guard), guard, "Not a guard of the certificate workflow.");
    }

    /// <summary>The actions a user holding <paramref name="can"/>'s permissions may take on the certificate on <paramref name="on"/>.</summary>
    public static IReadOnlyList<CertificateAction> Available(Certificate certificate, DateOnly on, Func<string, bool> can)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Table.Available(certificate.StatusOn(on), can, g => Holds(certificate, g, on));
    }
}
