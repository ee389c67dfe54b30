using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel;

/// <summary>What an officer's record says about the post; set together on registration and on edits.</summary>
public sealed record OfficerProfile(
    string FullName, Guid BodyId, Guid? UnitId, string? Post, bool HasLegalQualification, IReadOnlyCollection<Sector> Fields);

/// <summary>
/// An enforcement officer (行政执法人员): one record per person, found again by the hash of the ID
/// number. The plain ID number is never stored. Employment changes are kept as history; leaving the
/// post cancels the certificates in the same operation (ZFRY-LEAVE).
/// </summary>
public sealed class Officer : IHasOrganization, IEntityWithId, Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    public const int MaxNameLength = 50;
    public const int MaxPostLength = 50;

    /// <summary>The most fields (sectors) a request may list: more than there are.</summary>
    public const int MaxFields = 50;

    private readonly List<Sector> _fields = [];
    private readonly List<EmploymentChange> _employmentHistory = [];

    private Officer()
    {
        FullName = "";
        IdNumberHash = "";
        IdNumberProtected = "";
        IdNumberMasked = "";
    }

    public Guid Id { get; private set; }
    public string FullName { get; private set; }

    /// <summary>Keyed hash of the normalised ID number (<see cref="IdNumber.Hash"/>), unique: duplicate lookups.</summary>
    [Sensitive(Sensitivity.Secret)]
    public string IdNumberHash { get; private set; }

    /// <summary>Ciphertext from <see cref="IIdNumberProtector"/>, for the few who may see the full number.</summary>
    [Sensitive(Sensitivity.Secret)]
    public string IdNumberProtected { get; private set; }

    /// <summary>The masked form shown in lists (1409**********123X).</summary>
    public string IdNumberMasked { get; private set; }

    public Guid BodyId { get; private set; }
    public Guid? UnitId { get; private set; }
    public string? Post { get; private set; }

    /// <summary>Holds the national legal professional qualification (法律职业资格).</summary>
    public bool HasLegalQualification { get; private set; }

    /// <summary>Enforcement fields (执法领域) the officer works in.</summary>
    public IReadOnlyList<Sector> Fields => _fields;

    public EmploymentStatus EmploymentStatus { get; private set; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<EmploymentChange> EmploymentHistory => [.. _employmentHistory.OrderBy(c => c.Sequence)];

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    Guid? IHasOrganization.OrganizationId => BodyId;

    /// <summary>Registers an officer who took up the post on <paramref name="joinedOn"/>; the ID number must not be registered yet.</summary>
    public static Result<Officer> Register(
        OfficerProfile profile, StoredIdNumber idNumber, Func<string, bool> idNumberTaken, DateOnly joinedOn, Guid actorId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(idNumberTaken);
        if (CheckProfile(profile) is { } error)
            return error;
        if (idNumberTaken(idNumber.Hash))
            return PersonnelErrors.IdNumberDuplicate();

        var officer = new Officer { Id = Utc.NewId(now), CreatedAt = now };
        officer.SetIdNumber(idNumber);
        officer.Apply(profile, now);
        officer.EmploymentStatus = EmploymentStatus.Active;
        officer._employmentHistory.Add(new EmploymentChange(1, null, EmploymentStatus.Active, joinedOn, null, actorId, now));
        return officer;
    }

    /// <summary>
    /// Edits the profile. The body changes only while the officer is not active: moving between bodies
    /// is a transfer (调动), which cancels the old body's certificate before the officer rejoins.
    /// </summary>
    public Error? Update(OfficerProfile profile, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (CheckProfile(profile) is { } error)
            return error;
        if (profile.BodyId != BodyId && EmploymentStatus == EmploymentStatus.Active)
            return PersonnelErrors.BodyChangeNeedsTransfer();
        Apply(profile, now);
        return null;
    }

    /// <summary>Corrects a mistyped ID number; the new one must not belong to another officer.</summary>
    public Error? CorrectIdNumber(StoredIdNumber idNumber, Func<string, bool> idNumberTaken, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(idNumberTaken);
        if (idNumber.Hash != IdNumberHash && idNumberTaken(idNumber.Hash))
            return PersonnelErrors.IdNumberDuplicate();
        SetIdNumber(idNumber);
        UpdatedAt = Utc.Check(now);
        return null;
    }

    /// <summary>
    /// Records a change of employment status effective <paramref name="on"/>. Leaving the post
    /// (any status but Active) cancels every certificate of the officer that is not yet revoked or
    /// cancelled (ZFRY-LEAVE), in the same operation; <paramref name="certificates"/> are all of them.
    /// Returning to Active (rejoining, possibly at another body) needs a new certificate.
    /// </summary>
    public Result<EmploymentChange> ChangeEmployment(
        EmploymentStatus status, DateOnly on, string? reason, IEnumerable<Certificate> certificates, Guid actorId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var open = certificates.Where(c => !c.IsClosed).ToList();
        if (open.Any(c => c.OfficerId != Id))
            throw new ArgumentException("A certificate of another officer was passed.", nameof(certificates));
        if (!CanChange(EmploymentStatus, status))
            return PersonnelErrors.EmploymentTransitionNotAllowed(EnumKey.Of(EmploymentStatus), EnumKey.Of(status));
        var last = LastChange;
        if (on < last.On)
            return PersonnelErrors.EmploymentDateBeforeLast(last.On);
        if (Text.CheckReason(reason, required: false) is { } reasonError)
            return reasonError;

        var change = new EmploymentChange(last.Sequence + 1, EmploymentStatus, status, on, Text.Clean(reason), actorId, Utc.Check(now));
        _employmentHistory.Add(change);
        EmploymentStatus = status;
        UpdatedAt = now;
        if (status != EmploymentStatus.Active)
        {
            foreach (var certificate in open)
                certificate.CancelOnLeaving(on, change.Reason, actorId, now);
        }
        return change;
    }

    /// <summary>The employment status on a day, from the history; null before the officer joined.</summary>
    public EmploymentStatus? EmploymentStatusOn(DateOnly date) =>
        _employmentHistory.Where(c => c.On <= date).MaxBy(c => c.Sequence)?.To;

    public bool IsActiveOn(DateOnly date) => EmploymentStatusOn(date) == EmploymentStatus.Active;

    private EmploymentChange LastChange => _employmentHistory.MaxBy(c => c.Sequence)!;

    /// <summary>Death is final; a retiree can only die; anyone else may move to any other status, including back to Active.</summary>
    private static bool CanChange(EmploymentStatus from, EmploymentStatus to) =>
        from != to && from switch
        {
            EmploymentStatus.Deceased => false,
            EmploymentStatus.Retired => to == EmploymentStatus.Deceased,
            _ => true,
        };

    /// <summary>Every wrong field of a profile at once (name, post, fields); null when it is right.</summary>
    public static ValidationError? CheckProfile(OfficerProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var errors = new ValidationBuilder();
        var name = Text.Clean(p.FullName);
        if (name is null)
            errors.Add(PersonnelErrors.OfficerNameRequired());
        else if (name.Length > MaxNameLength)
            errors.Add(PersonnelErrors.OfficerNameTooLong(MaxNameLength));
        if (Text.Clean(p.Post)?.Length > MaxPostLength)
            errors.Add(PersonnelErrors.PostTooLong(MaxPostLength));
        if (p.Fields is null || p.Fields.Count == 0)
            errors.Add(PersonnelErrors.OfficerFieldsRequired());
        return errors.Build();
    }

    private void Apply(OfficerProfile p, DateTime now)
    {
        FullName = p.FullName.Trim();
        BodyId = p.BodyId;
        UnitId = p.UnitId;
        Post = Text.Clean(p.Post);
        HasLegalQualification = p.HasLegalQualification;
        _fields.Clear();
        _fields.AddRange(p.Fields.Distinct());
        UpdatedAt = Utc.Check(now);
    }

    private void SetIdNumber(StoredIdNumber idNumber)
    {
        IdNumberHash = idNumber.Hash;
        IdNumberProtected = idNumber.Protected;
        IdNumberMasked = idNumber.Masked;
    }
}

/// <summary>One entry of an officer's employment history; the first has no <see cref="From"/>.</summary>
public sealed class EmploymentChange
{
    private EmploymentChange()
    {
    }

    internal EmploymentChange(int sequence, EmploymentStatus? from, EmploymentStatus to, DateOnly on, string? reason, Guid actorId, DateTime recordedAt)
    {
        Id = Utc.NewId(recordedAt);
        Sequence = sequence;
        From = from;
        To = to;
        On = on;
        Reason = reason;
        ActorId = actorId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3… in the order recorded; dates never go backwards along it.</summary>
    public int Sequence { get; private set; }

    public EmploymentStatus? From { get; private set; }
    public EmploymentStatus To { get; private set; }
    public DateOnly On { get; private set; }
    public string? Reason { get; private set; }
    public Guid ActorId { get; private set; }
    public DateTime RecordedAt { get; private set; }
}
