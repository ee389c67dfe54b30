using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>An officer's annual assessment (年度考核) grade; one per officer and year.</summary>
public sealed class AnnualAssessment
{
    /// <summary>Old enough for any serving officer's past grades to be entered.</summary>
    public const int FirstYear = 1980;

    private AnnualAssessment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OfficerId { get; private set; }
    public int Year { get; private set; }
    public AssessmentGrade Grade { get; private set; }
    public string? Remarks { get; private set; }
    public Guid ActorId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    /// <summary>Records the grade of a year that has begun (past grades may be entered); <paramref name="alreadyRecorded"/> says the officer has one for it.</summary>
    public static Result<AnnualAssessment> Record(
        Officer officer, int year, AssessmentGrade grade, string? remarks, bool alreadyRecorded, Guid actorId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (year < FirstYear || year > Utc.Check(now).Year)
            return PersonnelErrors.AssessmentYearOutOfRange(FirstYear);
        if (Text.Clean(remarks)?.Length > Text.MaxReasonLength)
            return PersonnelErrors.AssessmentRemarksTooLong(Text.MaxReasonLength);
        if (alreadyRecorded)
            return PersonnelErrors.AssessmentDuplicate(year);
        return new AnnualAssessment
        {
            Id = Utc.NewId(now), OfficerId = officer.Id, Year = year, Grade = grade,
            Remarks = Text.Clean(remarks), ActorId = actorId, RecordedAt = now,
        };
    }
}
