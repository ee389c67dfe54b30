using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>
/// A sitting of the qualification exam (执法资格考试) organised for a region. The region's pass mark is
/// copied in when the session is scheduled, so a later change of the setting does not change who passed.
/// </summary>
public sealed class ExamSession
{
    public const int MaxNameLength = 100;

    private ExamSession() => Name = "";

    public Guid Id { get; private set; }
    public Guid RegionId { get; private set; }
    public string Name { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public decimal PassMark { get; private set; }
    public decimal FullScore { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>The session's name: required, at most <see cref="MaxNameLength"/> characters; null when right.</summary>
    public static ValidationError? CheckName(string? name) =>
        Text.Clean(name) is not { } clean ? PersonnelErrors.ExamNameRequired()
        : clean.Length > MaxNameLength ? PersonnelErrors.ExamNameTooLong(MaxNameLength)
        : null;

    public static Result<ExamSession> Schedule(Guid regionId, string? name, DateOnly heldOn, PersonnelSettings regionSettings, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(regionSettings);
        if (CheckName(name) is { } nameError)
            return nameError;
        var clean = Text.Clean(name)!;
        return new ExamSession
        {
            Id = Utc.NewId(now), RegionId = regionId, Name = clean, HeldOn = heldOn,
            PassMark = regionSettings.ExamPassMark, FullScore = regionSettings.ExamFullScore, CreatedAt = now,
        };
    }
}

/// <summary>An officer's score in a session; <see cref="Passed"/> is decided by the session's pass mark.</summary>
public sealed class ExamResult
{
    private ExamResult()
    {
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid OfficerId { get; private set; }

    /// <summary>The session's day, copied so the issuance check needs no session.</summary>
    public DateOnly SatOn { get; private set; }

    public decimal Score { get; private set; }
    public bool Passed { get; private set; }
    public DateTime RecordedAt { get; private set; }

    public static Result<ExamResult> Record(ExamSession session, Officer officer, decimal score, bool alreadyRecorded, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(officer);
        if (score < 0 || score > session.FullScore)
            return PersonnelErrors.ScoreOutOfRange(session.FullScore);
        if (alreadyRecorded)
            return PersonnelErrors.ExamResultDuplicate();
        return new ExamResult
        {
            Id = Utc.NewId(now), SessionId = session.Id, OfficerId = officer.Id, SatOn = session.HeldOn,
            Score = score, Passed = score >= session.PassMark, RecordedAt = now,
        };
    }
}
