using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;

namespace Zhifa.Core.Records;

/// <summary>
/// One revision of a body's wording of a kind of document: lines of text with placeholders (<c>{{当事人}}</c>,
/// <see cref="DocumentPlaceholders"/>). Revisions are never changed or deleted: a document is worded by the revision in force
/// when its step was taken, so an archived case's documents read the same after the template changes. A revision without
/// text puts the default wording back.
/// </summary>
public sealed class DocumentTemplate
{
    public const int MaxText = 8000;

    private DocumentTemplate()
    {
    }

    public DocumentTemplate(Guid id, Guid bodyId, DocumentKind kind, int revision, string? text, DateTime createdAt, Guid? createdById, string createdByName)
    {
        Id = id;
        BodyId = bodyId;
        Kind = kind;
        Revision = revision;
        Text = text;
        CreatedAt = createdAt;
        CreatedById = createdById;
        CreatedByName = createdByName;
    }

    public Guid Id { get; private set; }
    public Guid BodyId { get; private set; }
    public DocumentKind Kind { get; private set; }

    /// <summary>1, 2, … per body and kind; unique, so two editors saving at once cannot both make the same revision.</summary>
    public int Revision { get; private set; }

    /// <summary>The wording; null: the default wording again.</summary>
    public string? Text { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; } = "";
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> builder)
    {
        builder.ToTable("DocumentTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Text).HasMaxLength(DocumentTemplate.MaxText);
        builder.Property(t => t.CreatedByName).HasMaxLength(100);
        builder.HasIndex(t => new { t.BodyId, t.Kind, t.Revision }).IsUnique();
    }
}

/// <summary>
/// The placeholders a template may use, each filled from the case's data when a document is made, and those the decision
/// must carry (XZCF-59: the party and address, the facts and evidence, the penalty and its basis, how and by when to pay,
/// the remedies; CLJZ-EXPLAIN: the benchmark's explanation; the body, its seal and the date).
/// </summary>
public static partial class DocumentPlaceholders
{
    public const string Body = "机关名称";
    public const string Title = "文书名称";
    public const string Number = "文号";
    public const string CaseNumber = "案号";
    public const string CaseTitle = "案由";
    public const string Party = "当事人";
    public const string PartyCode = "统一社会信用代码";
    public const string Address = "住所";
    public const string Facts = "违法事实";
    public const string Evidence = "证据";
    public const string Basis = "处罚依据";
    public const string Explanation = "裁量说明";
    public const string Penalty = "处罚内容";
    public const string PaymentDays = "缴款期限";
    public const string Payee = "缴款银行";
    public const string SurchargeRate = "加处罚款比例";
    public const string ReconsiderationDays = "复议期限";
    public const string ReconsiderationAuthority = "复议机关";
    public const string LitigationMonths = "诉讼期限";
    public const string Court = "人民法院";
    public const string Step = "环节";
    public const string Date = "日期";
    public const string Actor = "承办人";
    public const string Officers = "执法人员";
    public const string Note = "说明";
    public const string Seal = "印章";

    public static readonly IReadOnlyList<string> All =
    [
        Body, Title, Number, CaseNumber, CaseTitle, Party, PartyCode, Address, Facts, Evidence, Basis, Explanation, Penalty, PaymentDays, Payee,
        SurchargeRate, ReconsiderationDays, ReconsiderationAuthority, LitigationMonths, Court, Step, Date, Actor, Officers, Note, Seal,
    ];

    /// <summary>Every template names the body and marks the seal's place.</summary>
    public static readonly IReadOnlyList<string> Always = [Body, Seal];

    /// <summary>The decision's items (XZCF-59, CLJZ-EXPLAIN) by the placeholder that carries each.</summary>
    public static readonly IReadOnlyList<string> Decision =
    [
        Body, Number, Party, Address, Facts, Evidence, Basis, Explanation, Penalty, PaymentDays, Payee, SurchargeRate,
        ReconsiderationDays, ReconsiderationAuthority, LitigationMonths, Court, Seal, Date,
    ];

    public static IReadOnlyList<string> RequiredFor(DocumentKind kind) => kind == DocumentKind.PenaltyDecision ? Decision : Always;

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    public static partial Regex Pattern();

    /// <summary>The placeholders a text uses, in order, each once.</summary>
    public static IReadOnlyList<string> In(string text) =>
        [.. Pattern().Matches(text ?? "").Select(m => m.Groups[1].Value.Trim()).Distinct(StringComparer.Ordinal)];

    /// <summary>Every fault of a template at once: placeholders that do not exist, and those the kind must carry but does not.</summary>
    public static ValidationError? Check(DocumentKind kind, string text, string field = "text")
    {
        var errors = new ValidationBuilder();
        var used = In(text);
        foreach (var unknown in used.Where(u => !All.Contains(u)))
            errors.Add(RecordsErrors.TemplatePlaceholderUnknown(unknown, field));
        foreach (var missing in RequiredFor(kind).Where(r => !used.Contains(r)))
            errors.Add(RecordsErrors.TemplatePlaceholderMissing(missing, field));
        return errors.Build();
    }
}

/// <summary>Saving a body's wording of a kind of document: the revision it was based on (0 for none) and the text (empty: the default wording again).</summary>
public sealed record DocumentTemplateRequest([MustSend] [Range(0, int.MaxValue)] int? Revision = null, [MaxLength(DocumentTemplate.MaxText)] string? Text = null);

/// <summary>A body's wording of a kind of document as it applies now, with the default wording and its earlier revisions.</summary>
public sealed record DocumentTemplateView(Guid BodyId, DocumentKind Kind, int Revision, bool Custom, string Text, string DefaultText,
    IReadOnlyList<string> Required, IReadOnlyList<DocumentTemplateRevision> History);

public sealed record DocumentTemplateRevision(int Revision, bool Custom, DateTime CreatedAt, string CreatedByName);

/// <summary>A line of the list of a body's templates.</summary>
public sealed record DocumentTemplateSummary(DocumentKind Kind, int Revision, bool Custom, DateTime? ChangedAt, string? ChangedByName);
