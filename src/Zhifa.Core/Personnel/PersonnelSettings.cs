using System.ComponentModel.DataAnnotations;
using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>
/// One region's personnel settings (RULES.md ZFRY-*); the defaults are the national ones. Sent to the API, every
/// setting must be there (<see cref="MustSendAttribute"/>): a region's rules are replaced whole, never reset by omission.
/// </summary>
public sealed record PersonnelSettings
{
    public static PersonnelSettings Default { get; } = new();

    /// <summary>The highest full score an exam may have.</summary>
    public const int MaxFullScore = 1000;

    /// <summary>Qualification exam: the lowest passing score, out of <see cref="ExamFullScore"/>.</summary>
    [MustSend, Range(0, MaxFullScore, MinimumIsExclusive = true)]
    public decimal ExamPassMark { get; init; } = 60;

    [MustSend, Range(0, MaxFullScore, MinimumIsExclusive = true)]
    public decimal ExamFullScore { get; init; } = 100;

    /// <summary>ZFRY-VALID: a certificate is valid this many years, to the day before the anniversary of issue.</summary>
    [MustSend, Range(1, 20)]
    public int CertificateValidityYears { get; init; } = 5;

    /// <summary>ZFRY-VALID: the annual review of year Y is due by this day of year Y + 1; null switches the check off.</summary>
    [MustSend]
    public MonthDay? AnnualReviewDueBy { get; init; } = new(3, 31);

    /// <summary>See <see cref="CertificateNumberFormat"/>.</summary>
    [MustSend, MaxLength(CertificateNumberFormat.MaxPatternLength)]
    public string CertificateNumberPattern { get; init; } = CertificateNumberFormat.DefaultPattern;

    /// <summary>ZFRY-TRAIN: hours per officer per year.</summary>
    [MustSend]
    public TrainingRequirement Training { get; init; } = TrainingRequirement.Default;

    /// <summary>
    /// ZFRY-CERT: the training a certificate needs is <see cref="Training"/> met by the hours attended in this
    /// many months up to the issue date — a rolling window, so a newcomer's pre-service training counts.
    /// </summary>
    [MustSend, Range(1, 60)]
    public int PreCertificationTrainingMonths { get; init; } = 12;

    /// <summary>Checks settings an administrator entered.</summary>
    public Error? Validate()
    {
        if (ExamFullScore <= 0 || ExamPassMark <= 0 || ExamPassMark > ExamFullScore)
            return PersonnelErrors.PassMarkOutOfRange(ExamFullScore);
        if (CertificateValidityYears is < 1 or > 20)
            return PersonnelErrors.ValidityYearsOutOfRange(1, 20);
        if (PreCertificationTrainingMonths is < 1 or > 60)
            return PersonnelErrors.TrainingWindowOutOfRange(1, 60);
        if (AnnualReviewDueBy is { } due && (due.Month is < 1 or > 12 || due.Day < 1 || due.Day > DateTime.DaysInMonth(2024, due.Month)))
            return PersonnelErrors.ReviewDueInvalid();
        if (Training is null || Training.TotalHours < 0 || Training.PublicLegalHours < 0 || Training.BusinessHours < 0 || Training.PoliticalTheoryHours < 0)
            return PersonnelErrors.TrainingHoursNegative();
        var format = CertificateNumberFormat.Create(CertificateNumberPattern);
        return format.IsSuccess ? null : format.Error;
    }
}

/// <summary>A day of the year without the year; 29 February falls on 28 February in common years.</summary>
public readonly record struct MonthDay([Range(1, 12)] int Month, [Range(1, 31)] int Day)
{
    public DateOnly In(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));
}

/// <summary>
/// ZFRY-TRAIN: minimum training hours per officer per year, in total and per category. National
/// default 60 in total with at least 30 of public legal knowledge and 30 of business knowledge and
/// skills; some regions ask 20 + 40.
/// </summary>
public sealed record TrainingRequirement(
    [MustSend, Range(0, TrainingRequirement.MaxYearHours)] decimal TotalHours = 60, [MustSend, Range(0, TrainingRequirement.MaxYearHours)] decimal PublicLegalHours = 30,
    [MustSend, Range(0, TrainingRequirement.MaxYearHours)] decimal BusinessHours = 30, [MustSend, Range(0, TrainingRequirement.MaxYearHours)] decimal PoliticalTheoryHours = 0)
{
    public static TrainingRequirement Default { get; } = new();

    /// <summary>More hours than a year could ask (the API refuses more).</summary>
    public const int MaxYearHours = 2000;

    public decimal MinimumFor(TrainingCategory category) => category switch
    {
        TrainingCategory.PublicLegal => PublicLegalHours,
        TrainingCategory.Business => BusinessHours,
        TrainingCategory.PoliticalTheory => PoliticalTheoryHours,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
