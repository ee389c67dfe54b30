using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>ZFRY-CERT: what an officer needs before a certificate is issued. Pure: everything is passed in.</summary>
public static class CertificateIssuance
{
    /// <summary>
    /// The training that counts towards a certificate: the hours attended in the
    /// <see cref="PersonnelSettings.PreCertificationTrainingMonths"/> months up to the issue date, measured
    /// against the region's annual requirement. A rolling window, so a newcomer's pre-service training counts.
    /// </summary>
    public static TrainingSummary Training(IEnumerable<AttendedHours> attended, DateOnly issuedOn, PersonnelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var from = issuedOn.AddMonths(-settings.PreCertificationTrainingMonths).AddDays(1);
        return TrainingCalculator.Summarise(attended, from, issuedOn, settings.Training);
    }

    /// <summary>Active now and on the issue date, a passed qualification exam sat by then, and the training window met.</summary>
    public static RuleViolation? CheckPrerequisites(Officer officer, IEnumerable<ExamResult> examResults, TrainingSummary training, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(examResults);
        ArgumentNullException.ThrowIfNull(training);
        if (officer.EmploymentStatus != EmploymentStatus.Active || !officer.IsActiveOn(issuedOn))
            return PersonnelErrors.CertificateRequiresActiveOfficer();
        if (!examResults.Any(r => r.OfficerId == officer.Id && r.Passed && r.SatOn <= issuedOn))
            return PersonnelErrors.CertificateRequiresPassedExam();
        if (!training.Met)
        {
            return PersonnelErrors.CertificateRequiresTraining(training.ShortfallIn(TrainingCategory.PublicLegal), training.ShortfallIn(TrainingCategory.Business), training.ShortfallIn(TrainingCategory.PoliticalTheory), training.TotalShortfall);
        }
        return null;
    }
}
