using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Records.UseCases;

/// <summary>The default wording of each kind of document (the Records resources, always in Chinese): what a body's template starts from.</summary>
public interface IDefaultDocumentText
{
    string For(DocumentKind kind);
}

/// <summary>
/// A body's wording of its documents: read by whoever reads the body's cases, changed by its head or an administrator.
/// Every save is a new revision (the old ones stay, so documents of earlier steps keep their wording); a save based on
/// an older revision than the latest answers 409; a template missing an item its kind must carry, or naming a
/// placeholder that does not exist, is refused with every fault at once.
/// </summary>
public sealed class DocumentTemplateDesk(ZhifaDbContext db, IDefaultDocumentText defaults, TimeProvider clock)
{
    /// <summary>The bodies whose documents the caller reads (the first 200 by name): what the settings page offers to choose from.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> BodiesAsync(CancellationToken ct = default) =>
        [.. (await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Take(200).Select(b => new { b.Id, b.Name }).ToListAsync(ct)).Select(b => (b.Id, b.Name))];

    public async Task<Result<IReadOnlyList<DocumentTemplateSummary>>> ListAsync(Guid bodyId, CancellationToken ct = default)
    {
        if (await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, CasePermissions.Read, ct) is null)
            return CaseErrors.BodyNotFound();
        var latest = (await RevisionsAsync(bodyId, ct)).GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Revision)!);
        return Enum.GetValues<DocumentKind>().Select(k => latest.TryGetValue(k, out var t)
            ? new DocumentTemplateSummary(k, t.Revision, t.Text is not null, t.CreatedAt, t.CreatedByName)
            : new DocumentTemplateSummary(k, 0, false, null, null)).ToList();
    }

    public async Task<Result<DocumentTemplateView>> GetAsync(Guid bodyId, DocumentKind kind, CancellationToken ct = default)
    {
        if (await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, CasePermissions.Read, ct) is null)
            return CaseErrors.BodyNotFound();
        return View(bodyId, kind, await RevisionsAsync(bodyId, ct, kind));
    }

    public async Task<Result<DocumentTemplateView>> SetAsync(Guid bodyId, DocumentKind kind, DocumentTemplateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, CasePermissions.ConfigureDocuments, ct) is null)
            return CaseErrors.BodyNotFound();
        var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text is not null && DocumentPlaceholders.Check(kind, text) is { } wrong)
            return wrong;
        var revisions = await RevisionsAsync(bodyId, ct, kind);
        var current = revisions.Count == 0 ? 0 : revisions.Max(r => r.Revision);
        if (request.Revision != current)
            return CommonErrors.StaleVersion();
        var revision = new DocumentTemplate(Guid.CreateVersion7(), bodyId, kind, current + 1, text, clock.GetUtcNow().UtcDateTime, db.Actor.UserId, db.Actor.ActorName);
        db.Set<DocumentTemplate>().Add(revision);
        await db.SaveChangesAsync(ct);
        return View(bodyId, kind, [.. revisions, revision]);
    }

    /// <summary>
    /// The wording in force for each of a case's documents: the body's latest revision of the kind saved strictly before the step
    /// was taken (null: the default wording). One query for the whole case.
    /// </summary>
    public async Task<Func<DocumentKind, DateTime, string?>> InForceAsync(Guid bodyId, CancellationToken ct = default)
    {
        var revisions = await db.Set<DocumentTemplate>().Unscoped("the wording of documents of a case the caller reads, checked by the case").AsNoTracking()
            .Where(t => t.BodyId == bodyId).OrderBy(t => t.Revision).Select(t => new { t.Kind, t.CreatedAt, t.Text }).ToListAsync(ct);
        if (revisions.Count == 0)
            return (_, _) => null;
        return (kind, at) => revisions.LastOrDefault(r => r.Kind == kind && r.CreatedAt < at)?.Text;
    }

    private async Task<List<DocumentTemplate>> RevisionsAsync(Guid bodyId, CancellationToken ct, DocumentKind? kind = null)
    {
        var query = db.Set<DocumentTemplate>().Unscoped("the body was checked for the caller just before").AsNoTracking().Where(t => t.BodyId == bodyId);
        if (kind is { } k)
            query = query.Where(t => t.Kind == k);
        return await query.OrderBy(t => t.Revision).ToListAsync(ct);
    }

    private DocumentTemplateView View(Guid bodyId, DocumentKind kind, IReadOnlyList<DocumentTemplate> revisions)
    {
        var latest = revisions.Count == 0 ? null : revisions.MaxBy(r => r.Revision);
        var standard = defaults.For(kind);
        return new DocumentTemplateView(bodyId, kind, latest?.Revision ?? 0, latest?.Text is not null, latest?.Text ?? standard, standard,
            DocumentPlaceholders.RequiredFor(kind),
            [.. revisions.OrderByDescending(r => r.Revision).Select(r => new DocumentTemplateRevision(r.Revision, r.Text is not null, r.CreatedAt, r.CreatedByName))]);
    }
}
