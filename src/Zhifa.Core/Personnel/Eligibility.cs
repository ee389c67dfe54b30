using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel;

/// <summary>Whether an officer may act; when not, the rule and the reason (a resource key).</summary>
public sealed record EligibilityResult(bool Allowed, string? RuleId, string? ReasonCode, Guid? CertificateId = null)
{
    public static EligibilityResult Allow(Guid certificateId) => new(true, null, null, certificateId);

    public static EligibilityResult Deny(string ruleId, string reasonCode, Guid? certificateId = null) => new(false, ruleId, reasonCode, certificateId);

    /// <summary>The refusal as an error a use case can return; null when allowed.</summary>
    public RuleViolation? ToError() => Allowed ? null : PersonnelErrors.NotEligible(RuleId!, ReasonCode!);
}

/// <summary>The verdict on an enforcement team, and on each of its members by officer id.</summary>
public sealed record TeamEligibility(EligibilityResult Result, IReadOnlyDictionary<Guid, EligibilityResult> Members);

/// <summary>
/// May an officer act for a body in a field on a day (ZFRY-CERT, ZFRY-VALID, ZFRY-LEAVE)? Case and
/// inspection workflows ask this; the day may be in the past, since certificates keep their history.
/// </summary>
public static class Eligibility
{
    /// <summary>XZCF-42: investigations and inspections are done by at least this many officers.</summary>
    public const int MinimumTeam = 2;

    public static EligibilityResult Check(
        Officer officer, IEnumerable<Certificate> certificates, Guid bodyId, Sector field, DateOnly date, PersonnelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(settings);
        if (!officer.IsActiveOn(date))
            return EligibilityResult.Deny("ZFRY-LEAVE", "eligibility.officer_not_active");
        var own = certificates.Where(c => c.OfficerId == officer.Id).ToList();
        if (own.Count == 0)
            return EligibilityResult.Deny("ZFRY-CERT", "eligibility.no_certificate");
        // The newest certificate already issued by the day speaks for the officer when none allows.
        var verdicts = own.Where(c => c.BodyId == bodyId)
            .OrderByDescending(c => c.IssuedOn <= date).ThenByDescending(c => c.IssuedOn)
            .Select(c => CheckCertificate(c, field, date, settings)).ToList();
        if (verdicts.Count == 0)
            return EligibilityResult.Deny("ZFRY-CERT", "eligibility.other_body");
        return verdicts.FirstOrDefault(v => v.Allowed) ?? verdicts[0];
    }

    /// <summary>
    /// XZCF-42: at least two officers, each allowed. The team's result is the first member's refusal,
    /// or a refusal under XZCF-42 when fewer than two officers are named.
    /// </summary>
    public static TeamEligibility CheckTeam(
        IEnumerable<Officer> team, IEnumerable<Certificate> certificates, Guid bodyId, Sector field, DateOnly date, PersonnelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(certificates);
        var all = certificates.ToList();
        var members = team.DistinctBy(o => o.Id).ToDictionary(o => o.Id, o => Check(o, all, bodyId, field, date, settings));
        var result = members.Values.FirstOrDefault(m => !m.Allowed)
            ?? (members.Count < MinimumTeam ? EligibilityResult.Deny("XZCF-42", "eligibility.team_too_small") : members.Values.First());
        return new TeamEligibility(result, members);
    }

    private static EligibilityResult CheckCertificate(Certificate c, Sector field, DateOnly date, PersonnelSettings settings) =>
        c.StatusOn(date) switch
        {
            CertificateStatus.NotYetValid => EligibilityResult.Deny("ZFRY-VALID", "eligibility.certificate_not_yet_valid", c.Id),
            CertificateStatus.Expired => EligibilityResult.Deny("ZFRY-VALID", "eligibility.certificate_expired", c.Id),
            CertificateStatus.Suspended => EligibilityResult.Deny("ZFRY-CERT", "eligibility.certificate_suspended", c.Id),
            CertificateStatus.Revoked => EligibilityResult.Deny("ZFRY-CERT", "eligibility.certificate_revoked", c.Id),
            CertificateStatus.Cancelled => EligibilityResult.Deny("ZFRY-CERT", "eligibility.certificate_cancelled", c.Id),
            _ when c.IsReviewOverdueOn(date, settings) => EligibilityResult.Deny("ZFRY-VALID", "eligibility.review_overdue", c.Id),
            _ when !c.Covers(field) => EligibilityResult.Deny("ZFRY-CERT", "eligibility.field_not_covered", c.Id),
            _ => EligibilityResult.Allow(c.Id),
        };
}

/// <summary>What public verification (公示, by number or QR code) shows: the holder's name masked, never the ID number.</summary>
public sealed record PublicCertificate(
    string Number, string HolderName, Guid BodyId, IReadOnlyList<Sector> Fields, DateOnly IssuedOn, DateOnly ValidUntil, CertificateStatus Status)
{
    public static PublicCertificate Of(Certificate certificate, Officer officer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(officer);
        if (certificate.OfficerId != officer.Id)
            throw new ArgumentException("The certificate is another officer's.", nameof(officer));
        return new(certificate.Number, IdNumber.MaskName(officer.FullName), certificate.BodyId, certificate.Fields,
            certificate.IssuedOn, certificate.ValidUntil, certificate.StatusOn(today));
    }
}
