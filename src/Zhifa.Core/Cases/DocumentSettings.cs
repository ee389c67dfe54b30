using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases;

/// <summary>
/// A body's settings for its documents (CASEFLOW.md "Numbers"; XZCF-59): the number's prefix, whether it reads 第…号 and
/// its width (原市监罚〔2026〕12号, 原交罚〔2026〕第00012号), and what the decision document tells the party — where to pay,
/// which authority hears a reconsideration and which court a suit. Unset, the prefix comes from the body's name and sector
/// and the authorities from its county.
/// </summary>
public sealed class DocumentSettings : IVersioned
{
    public const int MaxPrefix = 20;
    public const int MaxText = 200;
    public const int MaxWords = 1000;

    private DocumentSettings()
    {
    }

    public DocumentSettings(Guid bodyId) => BodyId = bodyId;

    public Guid BodyId { get; private set; }
    public string? Prefix { get; private set; }
    public bool Ordinal { get; private set; }
    public int Width { get; private set; }
    public string? PaymentBank { get; private set; }
    public string? PaymentAccount { get; private set; }
    public string? ReconsiderationAuthority { get; private set; }
    public string? Court { get; private set; }

    /// <summary>The words the body uses instead of the defaults, as "Kind=word;…" (<see cref="DocumentNumbering"/>).</summary>
    public string? Words { get; private set; }

    public int Version { get; private set; }

    /// <summary>The body's own words by kind (only those it set).</summary>
    public IReadOnlyDictionary<DocumentKind, string> WordOverrides => DocumentNumbering.Parse(Words);

    internal void Set(DocumentSettingsRequest r)
    {
        Prefix = Text(r.Prefix);
        Ordinal = r.Ordinal ?? false;
        Width = r.Width ?? 0;
        PaymentBank = Text(r.PaymentBank);
        PaymentAccount = Text(r.PaymentAccount);
        ReconsiderationAuthority = Text(r.ReconsiderationAuthority);
        Court = Text(r.Court);
        Words = DocumentNumbering.Format(r.Words);
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The number as the body writes it: prefix, the kind's word, the year in 〔〕, the serial (第, zero-padded to the width) and 号.</summary>
    public static string Format(string prefix, string word, int year, int serial, bool ordinal, int width) =>
        $"{prefix}{word}〔{year.ToString(CultureInfo.InvariantCulture)}〕{(ordinal ? "第" : "")}{serial.ToString(width > 0 ? "D" + width.ToString(CultureInfo.InvariantCulture) : "D", CultureInfo.InvariantCulture)}号";
}

/// <summary>
/// What a body's settings told the party at a time (bank, account, authorities): kept for every save, never changed, so
/// a decision reads as it did on the day it was made, also after the body changes its bank — an archived case file is locked.
/// </summary>
public sealed class DocumentSettingsRevision : INotAudited
{
    private DocumentSettingsRevision()
    {
    }

    public DocumentSettingsRevision(Guid id, Guid bodyId, DateTime at, DocumentSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        Id = id;
        BodyId = bodyId;
        At = at;
        PaymentBank = s.PaymentBank;
        PaymentAccount = s.PaymentAccount;
        ReconsiderationAuthority = s.ReconsiderationAuthority;
        Court = s.Court;
    }

    public Guid Id { get; private set; }
    public Guid BodyId { get; private set; }
    public DateTime At { get; private set; }
    public string? PaymentBank { get; private set; }
    public string? PaymentAccount { get; private set; }
    public string? ReconsiderationAuthority { get; private set; }
    public string? Court { get; private set; }
}

/// <summary>The editable settings of a body's documents (every field at once; empty resets to the default).</summary>
public sealed record DocumentSettingsRequest(
    [MustSend] [Range(0, int.MaxValue)] int? Version = null, [MaxLength(DocumentSettings.MaxPrefix)] string? Prefix = null, bool? Ordinal = null,
    [Range(0, 8)] int? Width = null, [MaxLength(DocumentSettings.MaxText)] string? PaymentBank = null, [MaxLength(DocumentSettings.MaxText)] string? PaymentAccount = null,
    [MaxLength(DocumentSettings.MaxText)] string? ReconsiderationAuthority = null, [MaxLength(DocumentSettings.MaxText)] string? Court = null,
    [MaxLength(30)] IReadOnlyDictionary<DocumentKind, string>? Words = null);

/// <summary>A body's document settings as they apply: what is set, and the defaults for the rest.</summary>
public sealed record DocumentSettingsView(Guid BodyId, string BodyName, string Prefix, bool Ordinal, int Width, string? PaymentBank, string? PaymentAccount,
    string ReconsiderationAuthority, string Court, string Example, IReadOnlyList<DocumentWordView> Words, int Version);

/// <summary>A numbered kind of document and the word its numbers carry for the body (立, 罚, 罚告 …), and whether the body chose it.</summary>
public sealed record DocumentWordView(DocumentKind Kind, string Word, bool Set, string Example);

/// <summary>
/// Which documents carry a number (文号) and the word of their kind in it (CASEFLOW.md "Numbers": per body, per year, per
/// document kind). A body may choose its own words; two kinds may not share one, so no two documents print the same number.
/// Records (笔录), internal reports and returns carry no number of their own.
/// </summary>
public static class DocumentNumbering
{
    public const int MaxWord = 6;

    public static readonly IReadOnlyDictionary<DocumentKind, string> Defaults = new Dictionary<DocumentKind, string>
    {
        [DocumentKind.OpeningApproval] = "立",
        [DocumentKind.TransferLetter] = "移",
        [DocumentKind.EvidencePreservationNotice] = "先保",
        [DocumentKind.EvidenceDisposalDecision] = "先处",
        [DocumentKind.MeasureDecision] = "强制",
        [DocumentKind.MeasureExtension] = "延强",
        [DocumentKind.MeasureRelease] = "解强",
        [DocumentKind.PenaltyNotice] = "罚告",
        [DocumentKind.HearingSummons] = "听通",
        [DocumentKind.PenaltyDecision] = "罚",
        [DocumentKind.NoPenaltyDecision] = "不罚",
        [DocumentKind.DeferralApproval] = "缓",
        [DocumentKind.Demand] = "催",
        [DocumentKind.CourtApplication] = "强执",
        [DocumentKind.SuspensionDecision] = "中止",
        [DocumentKind.TerminationDecision] = "终止",
        [DocumentKind.CriminalReferral] = "刑移",
    };

    /// <summary>
    /// Whether the step's document gets a number: a numbered kind, except the referral's proposal (the number comes with
    /// the head's approval) and the on-the-spot decision, whose form is pre-numbered (XZCF-52).
    /// </summary>
    public static bool Numbered(CaseAction action, DocumentKind? kind) =>
        kind is { } k && Defaults.ContainsKey(k) && action != CaseAction.ProposeReferral;

    /// <summary>The word of <paramref name="kind"/> for a body with these overrides.</summary>
    public static string Word(DocumentKind kind, IReadOnlyDictionary<DocumentKind, string>? overrides) =>
        overrides is not null && overrides.TryGetValue(kind, out var w) ? w : Defaults[kind];

    public static IReadOnlyDictionary<DocumentKind, string> Parse(string? words)
    {
        var result = new Dictionary<DocumentKind, string>();
        if (string.IsNullOrEmpty(words))
            return result;
        foreach (var pair in words.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at > 0 && Enum.TryParse<DocumentKind>(pair[..at], out var kind))
                result[kind] = pair[(at + 1)..];
        }
        return result;
    }

    /// <summary>Only the words that differ from the defaults are kept.</summary>
    public static string? Format(IReadOnlyDictionary<DocumentKind, string>? words)
    {
        if (words is null)
            return null;
        var kept = words.Where(w => Defaults.TryGetValue(w.Key, out var d) && w.Value.Trim() != d).OrderBy(w => w.Key)
            .Select(w => $"{w.Key}={w.Value.Trim()}").ToList();
        return kept.Count == 0 ? null : string.Join(";", kept);
    }

    /// <summary>Every wrong word at once: not a numbered kind, empty, too long, a separator in it, or the same word as another kind's.</summary>
    public static ValidationError? Check(IReadOnlyDictionary<DocumentKind, string>? words)
    {
        if (words is null)
            return null;
        var errors = new ValidationBuilder();
        foreach (var (kind, word) in words)
        {
            var field = $"words.{kind}";
            if (!Defaults.ContainsKey(kind))
                errors.Add(CaseErrors.DocumentNotNumbered(field));
            else if (string.IsNullOrWhiteSpace(word) || word.Trim().Length > MaxWord || word.IndexOfAny([';', '=', '〔', '〕']) >= 0 || word.Any(char.IsDigit))
                errors.Add(CaseErrors.DocumentWordInvalid(field, MaxWord));
        }
        var effective = Defaults.ToDictionary(d => d.Key, d => Word(d.Key, words.Where(w => Defaults.ContainsKey(w.Key)).ToDictionary(w => w.Key, w => w.Value.Trim())));
        foreach (var clash in effective.GroupBy(e => e.Value).Where(g => g.Count() > 1))
            foreach (var (kind, _) in clash.Where(c => words.ContainsKey(c.Key)))
                errors.Add(CaseErrors.DocumentWordTaken($"words.{kind}", clash.Key));
        return errors.Build();
    }
}

internal sealed class DocumentSettingsConfiguration : IEntityTypeConfiguration<DocumentSettings>
{
    public void Configure(EntityTypeBuilder<DocumentSettings> builder)
    {
        builder.ToTable("DocumentSettings");
        builder.HasKey(s => s.BodyId);
        builder.Property(s => s.BodyId).ValueGeneratedNever();
        builder.Property(s => s.Prefix).HasMaxLength(DocumentSettings.MaxPrefix);
        builder.Property(s => s.PaymentBank).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.PaymentAccount).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.ReconsiderationAuthority).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.Court).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.Words).HasMaxLength(DocumentSettings.MaxWords);
    }
}

internal sealed class DocumentSettingsRevisionConfiguration : IEntityTypeConfiguration<DocumentSettingsRevision>
{
    public void Configure(EntityTypeBuilder<DocumentSettingsRevision> builder)
    {
        builder.ToTable("DocumentSettingsRevisions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PaymentBank).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.PaymentAccount).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.ReconsiderationAuthority).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.Court).HasMaxLength(DocumentSettings.MaxText);
        builder.HasIndex(s => new { s.BodyId, s.At });
    }
}

/// <summary>Reads and edits a body's document settings: read by whoever reads the body's cases, edited by its head or an administrator.</summary>
public sealed class DocumentSettingsDesk(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<DocumentSettingsView>> GetAsync(Guid bodyId, CancellationToken ct = default)
    {
        var body = await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, CasePermissions.Read, ct);
        if (body is null)
            return CaseErrors.BodyNotFound();
        return await ViewAsync(body, await db.Set<DocumentSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.BodyId == bodyId, ct), ct);
    }

    public async Task<Result<DocumentSettingsView>> SetAsync(Guid bodyId, DocumentSettingsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, CasePermissions.ConfigureDocuments, ct);
        if (body is null)
            return CaseErrors.BodyNotFound();
        if (DocumentNumbering.Check(request.Words) is { } wrong)
            return wrong;
        var settings = await db.Set<DocumentSettings>().FirstOrDefaultAsync(s => s.BodyId == bodyId, ct);
        if (settings is null)
            db.Set<DocumentSettings>().Add(settings = new DocumentSettings(bodyId));
        else if (request.Version is { } v && v != settings.Version)
            return CommonErrors.StaleVersion();
        settings.Set(request);
        db.Set<DocumentSettingsRevision>().Add(new DocumentSettingsRevision(Guid.CreateVersion7(), bodyId, clock.GetUtcNow().UtcDateTime, settings));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(body, settings, ct);
    }

    /// <summary>
    /// The settings in force at each time, for the documents of a case the caller reads: the last save strictly before
    /// the step (none: the defaults). One query for the whole case.
    /// </summary>
    public async Task<Func<DateTime, DocumentSettingsView>> InForceAsync(Guid bodyId, CancellationToken ct = default)
    {
        var body = await db.Bodies.Unscoped("the body of a case the caller reads, checked by the case").AsNoTracking().FirstAsync(b => b.Id == bodyId, ct);
        var defaults = await ViewAsync(body, null, ct);
        var revisions = await db.Set<DocumentSettingsRevision>().Unscoped("the settings of a case the caller reads, checked by the case").AsNoTracking()
            .Where(r => r.BodyId == bodyId).OrderBy(r => r.At).ToListAsync(ct);
        return at => revisions.LastOrDefault(r => r.At < at) is { } r
            ? defaults with
            {
                PaymentBank = r.PaymentBank, PaymentAccount = r.PaymentAccount, ReconsiderationAuthority = r.ReconsiderationAuthority ?? defaults.ReconsiderationAuthority,
                Court = r.Court ?? defaults.Court,
            }
            : defaults;
    }

    private async Task<DocumentSettingsView> ViewAsync(EnforcementBody body, DocumentSettings? s, CancellationToken ct)
    {
        var county = await db.Organizations.Unscoped("the name of a body's region is public").Where(o => o.Id == body.RegionId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var prefix = s?.Prefix ?? CaseNumbering.Prefix(body.Name, body.Sector);
        var overrides = s?.WordOverrides;
        string Example(string word) => DocumentSettings.Format(prefix, word, 2026, 12, s?.Ordinal ?? false, s?.Width ?? 0);
        var words = DocumentNumbering.Defaults.Keys.Select(k => DocumentNumbering.Word(k, overrides))
            .Zip(DocumentNumbering.Defaults.Keys, (w, k) => new DocumentWordView(k, w, overrides?.ContainsKey(k) == true, Example(w))).ToList();
        return new DocumentSettingsView(body.Id, body.Name, prefix, s?.Ordinal ?? false, s?.Width ?? 0, s?.PaymentBank, s?.PaymentAccount,
            s?.ReconsiderationAuthority ?? county + "人民政府", s?.Court ?? county + "人民法院",
            Example(DocumentNumbering.Word(DocumentKind.PenaltyDecision, overrides)), words, s?.Version ?? 0);
    }
}
