using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel.UseCases;
using static Zhifa.Core.Personnel.CertificateStatus;

namespace Zhifa.Core.Personnel;

/// <summary>What the issuer enters for a new certificate; the region is the one the officer's body belongs to.</summary>
public sealed record CertificateApplication(
    string Number, Guid RegionId, string RegionCode, IReadOnlyCollection<Sector> Fields, DateOnly IssuedOn, Guid ActorId);

/// <summary>What is on file about the officer: exam results, attended training, the certificates held so far.</summary>
public sealed record IssuanceEvidence(
    IReadOnlyCollection<ExamResult> ExamResults, IReadOnlyCollection<AttendedHours> Training, IReadOnlyCollection<Certificate> Certificates);

/// <summary>
/// An enforcement certificate (行政执法证). Its history is a list of dated events, and the status on a
/// day is found by replaying them (<see cref="StatusOn"/>): a suspension ends and a certificate expires
/// by the calendar, so the stored <see cref="Status"/> is only what the last event left.
/// Suspension comes two ways that run side by side: a sanction (暂扣) from a day to an end day, lifted
/// early or not; and a failed annual review, which holds the certificate until a later review passes.
/// </summary>
public sealed class Certificate : IHasOrganization, IEntityWithId, Zhifa.Core.Common.IVersioned
{
    public const int MaxNumberLength = 40;

    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    // Refused transitions are expected user mistakes: they return an Error and change nothing (CertificateWorkflow). Exceptions are for bugs.

    private readonly List<Sector> _fields = [];
    private readonly List<CertificateEvent> _history = [];

    private Certificate() => Number = "";

    public Guid Id { get; private set; }
    public string Number { get; private set; }
    public Guid OfficerId { get; private set; }
    public Guid BodyId { get; private set; }
    public Guid RegionId { get; private set; }
    public DateOnly IssuedOn { get; private set; }

    /// <summary>The last day of validity.</summary>
    public DateOnly ValidUntil { get; private set; }

    /// <summary>The enforcement fields the holder may act in.</summary>
    public IReadOnlyList<Sector> Fields => _fields;

    /// <summary>The status the last event left, for queries; <see cref="StatusOn"/> is the truth on a given day.</summary>
    public CertificateStatus Status { get; private set; }

    /// <summary>The last day of the sanction in force when the last event was recorded, for queries.</summary>
    public DateOnly? SuspendedUntil { get; private set; }

    /// <summary>A failed annual review holds the certificate suspended until a review passes.</summary>
    public bool ReviewHold { get; private set; }

    /// <summary>The latest year whose annual review passed.</summary>
    public int? LastReviewedYear { get; private set; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<CertificateEvent> History => [.. _history.OrderBy(e => e.Sequence)];

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    Guid? IHasOrganization.OrganizationId => BodyId;

    /// <summary>Revoked and cancelled certificates never come back.</summary>
    public bool IsClosed => Status is Revoked or Cancelled;

    /// <summary>
    /// Issues a certificate for the officer's body, valid <see cref="PersonnelSettings.CertificateValidityYears"/>
    /// years, after the ZFRY-CERT prerequisites (<see cref="CertificateIssuance"/>). The number must be in
    /// the region's format and not taken in the region (<paramref name="numberTaken"/>); an officer holds one
    /// live certificate at a time, so a renewal first cancels the old one.
    /// </summary>
    public static Result<Certificate> Issue(
        CertificateApplication application, Officer officer, IssuanceEvidence evidence, PersonnelSettings settings,
        Func<string, bool> numberTaken, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(numberTaken);
        var number = CertificateNumberFormat.Normalize(application.Number);
        var format = CertificateNumberFormat.Of(settings);
        var fields = application.Fields.Distinct().ToList();
        var on = application.IssuedOn;
        if (fields.Count == 0)
            return PersonnelErrors.CertificateFieldsRequired();
        if (!fields.All(officer.Fields.Contains))
            return PersonnelErrors.CertificateFieldOutsideOfficerFields();
        if (format.Parse(number) is not { } parts)
            return PersonnelErrors.CertificateNumberMalformed(format.Pattern);
        if (!format.BelongsTo(parts, application.RegionCode))
            return PersonnelErrors.CertificateNumberWrongRegion(application.RegionCode);
        var training = CertificateIssuance.Training(evidence.Training.Where(a => a.OfficerId == officer.Id), on, settings);
        if (CertificateIssuance.CheckPrerequisites(officer, evidence.ExamResults, training, on) is { } violation)
            return violation;
        if (evidence.Certificates.FirstOrDefault(c => c.OfficerId == officer.Id && c.StatusOn(on) is Valid or Suspended or NotYetValid) is { } held)
            return PersonnelErrors.CertificateAlreadyHeld(held.Number);
        if (numberTaken(number))
            return PersonnelErrors.CertificateNumberDuplicate(number);

        var certificate = new Certificate
        {
            Id = Utc.NewId(now), Number = number, OfficerId = officer.Id, BodyId = officer.BodyId, RegionId = application.RegionId,
            IssuedOn = on, ValidUntil = on.AddYears(settings.CertificateValidityYears).AddDays(-1), CreatedAt = now,
        };
        certificate._fields.AddRange(fields);
        certificate.Record(CertificateEventKind.Issued, on, null, application.ActorId, now);
        return certificate;
    }

    /// <summary>The status on a day, replaying the history up to it: closed, else expired, else suspended, else valid.</summary>
    public CertificateStatus StatusOn(DateOnly date)
    {
        if (date < IssuedOn)
            return NotYetValid;
        var s = Replay(date);
        return s.Closed ?? (date > ValidUntil ? Expired : s.ReviewHold || s.SanctionUntil >= date ? Suspended : Valid);
    }

    public bool Covers(Sector field) => _fields.Contains(field);

    /// <summary>Whether the annual review of <paramref name="year"/> had passed by <paramref name="date"/>.</summary>
    public bool HasPassedReview(int year, DateOnly date) =>
        _history.Any(e => e.Kind == CertificateEventKind.ReviewPassed && e.Year == year && e.On <= date);

    /// <summary>
    /// ZFRY-VALID: on <paramref name="date"/> the latest review that has fallen due has not passed. Reviews
    /// are due from the first full calendar year of holding; the review of year Y is due by a day of Y + 1.
    /// </summary>
    public bool IsReviewOverdueOn(DateOnly date, PersonnelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AnnualReviewDueBy is not { } due)
            return false;
        var year = date > due.In(date.Year) ? date.Year - 1 : date.Year - 2;
        return year > IssuedOn.Year && !HasPassedReview(year, date);
    }

    /// <summary>
    /// The day by which the next annual review not yet passed is due (ZFRY-VALID): the earliest year from the first full
    /// calendar year of holding and the latest year fallen due whose review has not passed, due by the set day of the
    /// following year. Null when reviews are not required or the certificate no longer counts.
    /// </summary>
    public DateOnly? NextReviewDueOn(DateOnly date, PersonnelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AnnualReviewDueBy is not { } due || StatusOn(date) is not (CertificateStatus.Valid or CertificateStatus.Suspended))
            return null;
        var fallen = date > due.In(date.Year) ? date.Year - 1 : date.Year - 2;
        for (var year = Math.Max(IssuedOn.Year + 1, fallen); ; year++)
        {
            if (!HasPassedReview(year, date))
                return due.In(year + 1);
        }
    }

    /// <summary>年审 passed; it also ends the hold of an earlier failed review (the rectification was re-reviewed).</summary>
    public Result<CertificateEvent> PassAnnualReview(int year, DateOnly on, Guid actorId, DateTime now)
    {
        if ((Guard(on, CertificateAction.PassReview) ?? CheckReviewYear(year, on)) is { } error)
            return error;
        if (HasPassedReview(year, on))
            return PersonnelErrors.ReviewAlreadyPassed(year);
        LastReviewedYear = Math.Max(LastReviewedYear ?? year, year);
        return Record(CertificateEventKind.ReviewPassed, on, null, actorId, now, year: year);
    }

    /// <summary>年审 failed: the certificate is suspended from <paramref name="on"/> until a review passes after rectification.</summary>
    public Result<CertificateEvent> FailAnnualReview(int year, string? reason, DateOnly on, Guid actorId, DateTime now)
    {
        if ((Guard(on, CertificateAction.FailReview) ?? CheckReviewYear(year, on) ?? Text.CheckReason(reason, required: true)) is { } error)
            return error;
        if (HasPassedReview(year, on))
            return PersonnelErrors.ReviewAlreadyPassed(year);
        return Record(CertificateEventKind.ReviewFailed, on, reason, actorId, now, year: year);
    }

    /// <summary>暂扣 from <paramref name="from"/> to <paramref name="until"/>, both included; one sanction at a time.</summary>
    public Result<CertificateEvent> Suspend(string? reason, DateOnly from, DateOnly until, Guid actorId, DateTime now)
    {
        object[] running = SanctionUntil(from) is { } current ? [current] : [];
        if ((Guard(from, CertificateAction.Suspend, running) ?? Text.CheckReason(reason, required: true)) is { } error)
            return error;
        if (until < from)
            return PersonnelErrors.SuspensionEndsBeforeStart();
        return Record(CertificateEventKind.Suspended, from, reason, actorId, now, until: until);
    }

    /// <summary>Ends a sanction early: valid again from <paramref name="on"/>. A failed review's hold ends only by a passed review.</summary>
    public Result<CertificateEvent> LiftSuspension(string? reason, DateOnly on, Guid actorId, DateTime now)
    {
        if ((Guard(on, CertificateAction.LiftSuspension) ?? Text.CheckReason(reason, required: false)) is { } error)
            return error;
        return Record(CertificateEventKind.SuspensionLifted, on, reason, actorId, now);
    }

    /// <summary>吊销/收回 for misconduct; final.</summary>
    public Result<CertificateEvent> Revoke(string? reason, DateOnly on, Guid actorId, DateTime now)
    {
        if ((Guard(on, CertificateAction.Revoke) ?? Text.CheckReason(reason, required: true)) is { } error)
            return error;
        return Record(CertificateEventKind.Revoked, on, reason, actorId, now);
    }

    /// <summary>注销 — replaced, no longer needed, or recovered after expiry; final.</summary>
    public Result<CertificateEvent> Cancel(string? reason, DateOnly on, Guid actorId, DateTime now)
    {
        if ((Guard(on, CertificateAction.Cancel) ?? Text.CheckReason(reason, required: true)) is { } error)
            return error;
        return Record(CertificateEventKind.Cancelled, on, reason, actorId, now);
    }

    /// <summary>Records an expiry the calendar already implies (a daily job), dated the day after <see cref="ValidUntil"/>; checked against the stored status.</summary>
    public Result<CertificateEvent> Expire(DateOnly today, DateTime now)
    {
        if (CertificateWorkflow.Table.Refusal(Status, CertificateAction.Expire, g => CertificateWorkflow.Holds(this, g, today), ValidUntil) is { } error)
            return error;
        return Record(CertificateEventKind.Expired, ValidUntil.AddDays(1), null, null, now);
    }

    /// <summary>ZFRY-LEAVE: the holder left the post. Dated the day of leaving, or the last event's day if that is later.</summary>
    internal CertificateEvent CancelOnLeaving(DateOnly on, string? reason, Guid actorId, DateTime now)
    {
        if (CertificateWorkflow.Table.Refusal(Status, CertificateAction.LeavePost) is { } error)
            throw new InvalidOperationException($"Certificate {Id}: {error.Describe()}");
        var last = LastEvent.On;
        return Record(CertificateEventKind.Cancelled, on > last ? on : last, reason, actorId, now, ruleId: "ZFRY-LEAVE");
    }

    /// <summary>The last day of the sanction (暂扣) in force on <paramref name="date"/>, if one is.</summary>
    public DateOnly? SanctionUntil(DateOnly date) => Replay(date).SanctionUntil is { } until && until >= date ? until : null;

    private CertificateEvent LastEvent => _history.MaxBy(e => e.Sequence)!;

    /// <summary>
    /// Null when a step dated <paramref name="on"/> may follow the history and the workflow table allows it from the status
    /// that day (its guard holding); the date comes first because the status is looked up on it.
    /// </summary>
    private Error? Guard(DateOnly on, CertificateAction action, params object[] guardArgs)
    {
        var last = LastEvent.On;
        if (on < last)
            return PersonnelErrors.DateBeforeLastEvent(last);
        return CertificateWorkflow.Table.Refusal(StatusOn(on), action, g => CertificateWorkflow.Holds(this, g, on), guardArgs);
    }

    private Error? CheckReviewYear(int year, DateOnly on) =>
        year < IssuedOn.Year || year > on.Year ? PersonnelErrors.ReviewYearOutOfRange(IssuedOn.Year, on.Year) : null;

    private Standing Replay(DateOnly date)
    {
        var s = new Standing(null, null, false);
        foreach (var e in _history.Where(e => e.On <= date).OrderBy(e => e.Sequence))
        {
            s = e.Kind switch
            {
                CertificateEventKind.Suspended => s with { SanctionUntil = e.Until },
                CertificateEventKind.SuspensionLifted => s with { SanctionUntil = null },
                CertificateEventKind.ReviewFailed => s with { ReviewHold = true },
                CertificateEventKind.ReviewPassed => s with { ReviewHold = false },
                CertificateEventKind.Revoked => s with { Closed = Revoked },
                CertificateEventKind.Cancelled => s with { Closed = Cancelled },
                _ => s,
            };
        }
        return s;
    }

    private CertificateEvent Record(
        CertificateEventKind kind, DateOnly on, string? reason, Guid? actorId, DateTime now,
        DateOnly? until = null, int? year = null, string? ruleId = null)
    {
        var e = new CertificateEvent(_history.Count + 1, kind, on, Text.Clean(reason), actorId, until, year, ruleId, Utc.Check(now));
        _history.Add(e);
        var state = Replay(on);
        Status = StatusOn(on);
        SuspendedUntil = state.SanctionUntil >= on ? state.SanctionUntil : null;
        ReviewHold = state.ReviewHold;
        UpdatedAt = now;
        return e;
    }

    /// <summary>Where the history stands on a day, before the calendar (expiry, a sanction's end) is applied.</summary>
    private readonly record struct Standing(CertificateStatus? Closed, DateOnly? SanctionUntil, bool ReviewHold);
}

/// <summary>One entry of a certificate's history.</summary>
public sealed class CertificateEvent
{
    private CertificateEvent()
    {
    }

    internal CertificateEvent(
        int sequence, CertificateEventKind kind, DateOnly on, string? reason, Guid? actorId, DateOnly? until, int? year, string? ruleId, DateTime recordedAt)
    {
        Id = Utc.NewId(recordedAt);
        Sequence = sequence;
        Kind = kind;
        On = on;
        Reason = reason;
        ActorId = actorId;
        Until = until;
        Year = year;
        RuleId = ruleId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3… in the order recorded; <see cref="On"/> never goes backwards along it.</summary>
    public int Sequence { get; private set; }

    public CertificateEventKind Kind { get; private set; }

    /// <summary>The day the event takes effect.</summary>
    public DateOnly On { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Who recorded it; null for the system (expiry).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>A suspension's last day.</summary>
    public DateOnly? Until { get; private set; }

    /// <summary>The year an annual review was for.</summary>
    public int? Year { get; private set; }

    /// <summary>The rule that caused the event by itself, e.g. ZFRY-LEAVE for a cancellation on leaving the post.</summary>
    public string? RuleId { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
