using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Discretion;
using Zhifa.Core.Parties;

namespace Zhifa.Core.Records.UseCases;

/// <summary>A document of a case's timeline: the step that produced it, its kind and number.</summary>
public sealed record CaseDocumentRef(DocumentKind Kind, string? Number, DateOnly On, string ActorName, CaseAction Action);

/// <summary>
/// What a document is made from, gathered from the case, the party registry, the catalogue, the evidence and the body's
/// settings. For the decision (行政处罚决定书) it holds every item XZCF-59 asks for and the benchmark's explanation (CLJZ-EXPLAIN).
/// <see cref="Template"/> is the body's wording in force when the step was taken (null: the default wording);
/// <see cref="Index"/> is the step's place in the case's timeline.
/// </summary>
public sealed record DocumentData(
    DocumentKind Kind, CaseAction Step, string? Number, Guid CaseId, string? CaseNumber, string CaseTitle, string BodyName, DateOnly On, string ActorName, string? Note,
    string PartyName, bool PartyIsOrganization, string? PartyAddress, string? PartyCode, string Facts, IReadOnlyList<string> Evidence,
    IReadOnlyList<PenaltyKind> Kinds, decimal? Fine, IReadOnlyList<LegalBasis> Bases, string? ItemName, string? Explanation, DiscretionTier? Tier,
    DateOnly? PaymentDueOn, int PaymentDays, decimal SurchargeRatePerDay, string? PaymentBank, string? PaymentAccount,
    string ReconsiderationAuthority, string Court, int ReconsiderationDays, int LitigationMonths, IReadOnlyList<string> Officers, string? Template = null, int Index = 0);

/// <summary>
/// The documents of a case, made from its data: only for a step that has happened (the timeline holds it). What every
/// document of a case shares (the case, party, item, settings, evidence, rules, templates) is read once per case.
/// </summary>
public sealed class CaseDocuments(ZhifaDbContext db, CaseQueries cases, CaseContext context, PartyQueries parties, CatalogueQueries catalogue, DocumentSettingsDesk settings,
    DocumentTemplateDesk templates)
{
    /// <summary>XZCF-59 with 行政复议法 and 行政诉讼法: 60 days to apply for reconsideration, 6 months to sue.</summary>
    public const int ReconsiderationDays = 60;

    public async Task<Result<IReadOnlyList<CaseDocumentRef>>> ListAsync(Guid caseId, CancellationToken ct = default)
    {
        var detail = await cases.DetailAsync(caseId, ct);
        if (!detail.IsSuccess)
            return detail.Error!;
        return detail.Value.Timeline.Where(e => e.Document is not null)
            .Select(e => new CaseDocumentRef(e.Document!.Value, e.DocumentNumber, e.On, e.ActorName, e.Action)).ToList();
    }

    /// <summary>The latest document of the kind (a step not taken: 409 records.step_not_taken).</summary>
    public async Task<Result<DocumentData>> ComposeAsync(Guid caseId, DocumentKind kind, CancellationToken ct = default)
    {
        var detail = await cases.DetailAsync(caseId, ct);
        if (!detail.IsSuccess)
            return detail.Error!;
        var timeline = detail.Value.Timeline;
        var index = -1;
        for (var i = 0; i < timeline.Count; i++)
            if (timeline[i].Document == kind)
                index = i;
        if (index < 0)
            return RecordsErrors.StepNotTaken(kind.ToString());
        var compose = await ComposerAsync(detail.Value, ct);
        return compose(index);
    }

    /// <summary>Every document of the case, one per step that produced one, in the order of the steps.</summary>
    public async Task<Result<IReadOnlyList<DocumentData>>> ComposeAllAsync(Guid caseId, CancellationToken ct = default)
    {
        var detail = await cases.DetailAsync(caseId, ct);
        if (!detail.IsSuccess)
            return detail.Error!;
        var compose = await ComposerAsync(detail.Value, ct);
        return detail.Value.Timeline.Select((e, i) => (e, i)).Where(x => x.e.Document is not null).Select(x => compose(x.i)).ToList();
    }

    private async Task<Func<int, DocumentData>> ComposerAsync(CaseDetail c, CancellationToken ct)
    {
        var party = await parties.GetAsync(c.PartyId, ct);
        var item = c.ItemId is { } itemId && await catalogue.GetAsync(itemId, ct) is { IsSuccess: true } found ? found.Value : null;
        var version = item?.InForce ?? item?.Current;
        var inForce = await settings.InForceAsync(c.BodyId, ct);
        var evidence = await db.EvidenceFiles.AsNoTracking().Where(e => e.CaseId == c.Id && e.WithdrawnAt == null).OrderBy(e => e.UploadedAt)
            .Select(e => e.Title).ToListAsync(ct);
        var rules = await context.RulesForAsync(c.BodyId, ct);
        var wording = await templates.InForceAsync(c.BodyId, ct);
        return index =>
        {
            var step = c.Timeline[index];
            var kind = step.Document!.Value;
            var body = inForce(step.At);
            return new DocumentData(kind, step.Action, step.DocumentNumber, c.Id, c.CaseNumber, c.Title, c.BodyName, step.On, step.ActorName, step.Note,
                c.PartyName, c.PartyIsOrganization, party.IsSuccess ? party.Value.Address : null, party.IsSuccess ? party.Value.CreditCode : null, c.Facts, evidence,
                c.DecidedKinds.Count > 0 ? c.DecidedKinds : c.ProposedKinds, c.DecidedFine ?? c.ProposedFine, version?.Bases ?? [], version?.Name, c.Explanation, c.Tier,
                c.PaymentDueOn, rules.PaymentDays, rules.SurchargeRatePerDay, body.PaymentBank, body.PaymentAccount, body.ReconsiderationAuthority, body.Court, ReconsiderationDays, rules.LitigationMonths,
                c.Officers.Select(o => o.Name).ToList(), wording(kind, step.At), index);
        };
    }
}
