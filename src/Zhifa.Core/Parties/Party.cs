using Zhifa.Core.Common;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Parties;

/// <summary>What a party's record says, as typed (the ID number apart: it comes as <see cref="StoredIdNumber"/>).</summary>
public sealed record PartyProfile(
    PartyKind Kind, string? Name, string? CreditCode, string? LegalRepresentative, string? Address, IndustrySection? Industry,
    CreditGrade? CreditGrade, string? Phone, Guid RegionId, string? RiskTags = null);

/// <summary>
/// A party (当事人) of enforcement — an enterprise, an individual business, another organisation, or a natural person — registered
/// once in the party registry (执法对象库) and chosen from it by cases, inspections and complaints, so nobody types it twice.
/// Organisations are found again by their unified social credit code, persons by the keyed hash of their ID number (the number itself
/// is stored only encrypted). Both are unique in the database. The party belongs to the region it is registered in: the registry
/// is shared by every body of the region's branch of the tree.
/// </summary>
public sealed class Party : IEntityWithId, IVersioned
{
    public const int MaxNameLength = 100;
    public const int MaxPersonLength = 50;
    public const int MaxAddressLength = 200;
    public const int MaxPhoneLength = 20;

    /// <summary>At most this many risk tags, each at most <see cref="MaxRiskTagLength"/> characters.</summary>
    public const int MaxRiskTags = 10;
    public const int MaxRiskTagLength = 20;

    /// <summary>The stored length of the tags joined by 、.</summary>
    public const int MaxRiskTagsLength = MaxRiskTags * (MaxRiskTagLength + 1);

    private Party()
    {
        Name = "";
        RegionPath = "";
    }

    /// <summary>The concurrency token: raised by every saved change (<see cref="IVersioned"/>).</summary>
    public int Version { get; private set; }

    public Guid Id { get; private set; }
    public PartyKind Kind { get; private set; }
    public string Name { get; private set; }

    /// <summary>统一社会信用代码 (GB 32100), for organisations; unique.</summary>
    public string? CreditCode { get; private set; }

    /// <summary>法定代表人 / 负责人 / 经营者.</summary>
    public string? LegalRepresentative { get; private set; }

    public string? Address { get; private set; }
    public IndustrySection? Industry { get; private set; }
    public CreditGrade? CreditGrade { get; private set; }

    /// <summary>
    /// Risk tags (风险标签) of the inspection-subject list (一单两库): short words such as 食品生产 or 冷链, joined by 、 —
    /// what a plan's subjects are told apart by besides the industry, region and grade. Organisations only.
    /// </summary>
    public string? RiskTags { get; private set; }

    /// <summary>A contact phone: shown masked, recorded masked in the audit trail.</summary>
    [Sensitive(Sensitivity.Phone)]
    public string? Phone { get; private set; }

    /// <summary>Keyed hash of the normalised ID number (<see cref="IdNumber.Hash"/>) of a natural person, unique: duplicate lookups.</summary>
    [Sensitive(Sensitivity.Secret)]
    public string? IdNumberHash { get; private set; }

    /// <summary>Ciphertext from <see cref="IIdNumberProtector"/>, for the few who may see the full number.</summary>
    [Sensitive(Sensitivity.Secret)]
    public string? IdNumberProtected { get; private set; }

    /// <summary>The masked form shown everywhere (1409**********123X).</summary>
    public string? IdNumberMasked { get; private set; }

    /// <summary>The region the party is registered in.</summary>
    public Guid RegionId { get; private set; }

    /// <summary>The materialised path of <see cref="RegionId"/> (a copy of the region's), so that scope is a path comparison.</summary>
    public string RegionPath { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool IsPerson => Kind == PartyKind.NaturalPerson;

    /// <summary>
    /// A new party from a checked profile (<see cref="Check"/>); <paramref name="idNumber"/> for a natural person. Duplicates
    /// are the caller's to look for first (and the database's unique indexes decide a race).
    /// </summary>
    internal static Party Register(PartyProfile profile, StoredIdNumber? idNumber, string regionPath, DateTime now, Guid? id = null)
    {
        var party = new Party { Id = id ?? Guid.CreateVersion7(new DateTimeOffset(now)), CreatedAt = now };
        party.Apply(profile, idNumber, regionPath, now);
        return party;
    }

    /// <summary>
    /// Applies an edited profile; a null <paramref name="idNumber"/> keeps a person's number as it is, and an empty phone the phone
    /// on file (pages show both masked, so an edit form cannot send them back).
    /// </summary>
    internal void Update(PartyProfile profile, StoredIdNumber? idNumber, string regionPath, DateTime now) =>
        Apply(Clean(profile.Phone) is null ? profile with { Phone = Phone } : profile,
            idNumber ?? (profile.Kind == PartyKind.NaturalPerson && IdNumberHash is not null
            ? new StoredIdNumber(IdNumberHash, IdNumberProtected!, IdNumberMasked!) : null), regionPath, now);

    private void Apply(PartyProfile p, StoredIdNumber? idNumber, string regionPath, DateTime now)
    {
        Kind = p.Kind;
        Name = p.Name!.Trim();
        var person = p.Kind == PartyKind.NaturalPerson;
        // A person has no credit code, industry or grade; an organisation has no ID number.
        CreditCode = person ? null : Clean(p.CreditCode)?.ToUpperInvariant();
        LegalRepresentative = person ? null : Clean(p.LegalRepresentative);
        Industry = person ? null : p.Industry;
        CreditGrade = person ? null : p.CreditGrade;
        RiskTags = person ? null : Tags(p.RiskTags) is { Count: > 0 } tags ? string.Join('、', tags) : null;
        Address = Clean(p.Address);
        Phone = Clean(p.Phone);
        IdNumberHash = person ? idNumber?.Hash : null;
        IdNumberProtected = person ? idNumber?.Protected : null;
        IdNumberMasked = person ? idNumber?.Masked : null;
        RegionId = p.RegionId;
        RegionPath = regionPath;
        UpdatedAt = now;
    }

    /// <summary>
    /// Every wrong field of a profile at once (the ID number is checked by <see cref="StoredIdNumber.Create"/>); null when it is right.
    /// An organisation other than an individual business needs its credit code.
    /// </summary>
    public static ValidationError? Check(PartyProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var errors = new ValidationBuilder();
        var name = Clean(p.Name);
        if (name is null)
            errors.Add(PartyErrors.NameRequired());
        else if (name.Length > MaxNameLength)
            errors.Add(PartyErrors.NameTooLong(MaxNameLength));
        if (p.Kind != PartyKind.NaturalPerson)
        {
            var code = Clean(p.CreditCode);
            if (code is null)
            {
                if (p.Kind != PartyKind.IndividualBusiness)
                    errors.Add(PartyErrors.CreditCodeRequired());
            }
            else
            {
                errors.Add(PartyCreditCode.Check(code));
            }
            if (Clean(p.LegalRepresentative)?.Length > MaxPersonLength)
                errors.Add(PartyErrors.TextTooLong("legalRepresentative", MaxPersonLength));
        }
        if (p.Kind != PartyKind.NaturalPerson && Tags(p.RiskTags) is var tags && (tags.Count > MaxRiskTags || tags.Any(t => t.Length > MaxRiskTagLength)))
            errors.Add(PartyErrors.RiskTagsInvalid(MaxRiskTags, MaxRiskTagLength));
        if (Clean(p.Address)?.Length > MaxAddressLength)
            errors.Add(PartyErrors.TextTooLong("address", MaxAddressLength));
        if (Clean(p.Phone) is { } phone && !IsPhone(phone))
            errors.Add(PartyErrors.PhoneInvalid());
        if (p.RegionId == Guid.Empty)
            errors.Add(CommonErrors.FieldRequired("regionId"));
        return errors.Build();
    }

    /// <summary>A phone as people write it: 5 to 20 of digits, spaces, hyphens, parentheses and a leading plus.</summary>
    private static bool IsPhone(string phone)
    {
        if (phone.Length is < 5 or > MaxPhoneLength)
            return false;
        var digits = 0;
        for (var i = 0; i < phone.Length; i++)
        {
            var c = phone[i];
            if (char.IsAsciiDigit(c))
                digits++;
            else if (!(c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0)))
                return false;
        }
        return digits >= 5;
    }

    /// <summary>Risk tags as people type them — separated by 、 , ， ; ； or spaces — trimmed, each once, in the order given.</summary>
    public static IReadOnlyList<string> Tags(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static readonly char[] TagSeparators = ['、', ',', '，', ';', '；', ' ', '\u3000', '\t', '\n', '\r'];

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
