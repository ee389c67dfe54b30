using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Records.UseCases;

/// <summary>The two volumes of a case file (CASEFLOW.md "The case file").</summary>
public enum CaseFileVolume
{
    /// <summary>正卷</summary>
    Main,
    /// <summary>副卷</summary>
    Secondary,
}

/// <summary>
/// One item of the case file in its bound order: a document of a step (<see cref="Event"/>: the step's place in the
/// case's timeline), or a piece of evidence (with its stored hash).
/// </summary>
public sealed record CaseFileItem(CaseFileVolume Volume, int Sequence, DocumentKind? Document, Guid? EvidenceId, string Title, string? Number, DateOnly On,
    string By, string? Sha256, string? MediaType, int? Event = null, EvidenceKind? EvidenceKind = null);

/// <summary>A case file: the case, whether it is locked (archived), and its items in order.</summary>
public sealed record CaseFileContents(Guid CaseId, string? CaseNumber, string Title, string BodyName, CaseState State, bool Locked, IReadOnlyList<CaseFileItem> Items);

/// <summary>
/// The case file (案卷) in the fixed order of CASEFLOW.md: the main volume — the opening, the decision, the other
/// documents, the service returns, the records, the evidence, the receipts — and the secondary volume — the lead, the
/// investigation report, the review and discussion records, the hearing report, the closing report.
/// </summary>
public sealed class CaseFile(ZhifaDbContext db, CaseQueries cases)
{
    private static readonly DocumentKind[] Decisions = [DocumentKind.PenaltyDecision, DocumentKind.NoPenaltyDecision, DocumentKind.OnSpotDecision];
    private static readonly DocumentKind[] Returns = [DocumentKind.ServiceReturn];
    private static readonly DocumentKind[] Records = [DocumentKind.StatementRecord, DocumentKind.ClockStopRecord];
    private static readonly DocumentKind[] Receipts = [DocumentKind.PaymentRecord, DocumentKind.OnSpotReceipt];

    /// <summary>The secondary volume's documents, in its order.</summary>
    private static readonly DocumentKind[] Secondary =
    [
        DocumentKind.LeadRegistration, DocumentKind.InvestigationReport, DocumentKind.LegalReviewOpinion, DocumentKind.DiscussionRecord,
        DocumentKind.HearingReport, DocumentKind.ClosingReport,
    ];

    public async Task<Result<CaseFileContents>> ComposeAsync(Guid caseId, CancellationToken ct = default)
    {
        var detail = await cases.DetailAsync(caseId, ct);
        if (!detail.IsSuccess)
            return detail.Error!;
        var c = detail.Value;
        var documents = c.Timeline.Select((e, i) => (e, i)).Where(x => x.e.Document is not null).ToList();
        var evidence = await db.EvidenceFiles.AsNoTracking().Where(e => e.CaseId == caseId && e.WithdrawnAt == null)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).ToListAsync(ct);

        var items = new List<CaseFileItem>();
        void Add(CaseFileVolume volume, IEnumerable<(CaseEventView e, int i)> steps)
        {
            foreach (var (e, i) in steps)
                items.Add(new CaseFileItem(volume, items.Count(x => x.Volume == volume) + 1, e.Document, null, "", e.DocumentNumber, e.On, e.ActorName, null, null, i));
        }
        bool Other(DocumentKind k) => k != DocumentKind.OpeningApproval && !Decisions.Contains(k) && !Returns.Contains(k) && !Records.Contains(k)
            && !Receipts.Contains(k) && !Secondary.Contains(k);

        Add(CaseFileVolume.Main, documents.Where(x => x.e.Document == DocumentKind.OpeningApproval));
        Add(CaseFileVolume.Main, documents.Where(x => Decisions.Contains(x.e.Document!.Value)));
        Add(CaseFileVolume.Main, documents.Where(x => Other(x.e.Document!.Value)));
        Add(CaseFileVolume.Main, documents.Where(x => Returns.Contains(x.e.Document!.Value)));
        Add(CaseFileVolume.Main, documents.Where(x => Records.Contains(x.e.Document!.Value)));
        foreach (var f in evidence)
            items.Add(new CaseFileItem(CaseFileVolume.Main, items.Count(i => i.Volume == CaseFileVolume.Main) + 1, null, f.Id, f.Title, null,
                DateOnly.FromDateTime(f.UploadedAt.AddHours(8)), f.UploadedByName, f.Sha256, f.MediaType, null, f.Kind));
        Add(CaseFileVolume.Main, documents.Where(x => Receipts.Contains(x.e.Document!.Value)));
        foreach (var kind in Secondary)
            Add(CaseFileVolume.Secondary, documents.Where(x => x.e.Document == kind));
        return new CaseFileContents(c.Id, c.CaseNumber, c.Title, c.BodyName, c.State, c.State == CaseState.Archived, items);
    }
}
