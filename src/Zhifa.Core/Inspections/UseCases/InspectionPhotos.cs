using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;

namespace Zhifa.Core.Inspections.UseCases;

public sealed record InspectionPhotoView(Guid Id, string FileName, string MediaType, long Length, string Sha256, DateTime UploadedAt, string UploadedByName);

/// <summary>
/// The visit's photos: taken on the phone, told to be photos by their content (a renamed file is refused), limited in size
/// like evidence photos, streamed into the record's blob store with their SHA-256, kept once per inspection. Added until the
/// result is published; never deleted.
/// </summary>
public sealed class InspectionPhotos(ZhifaDbContext db, IBlobStore store, EvidenceLimits limits, TimeProvider clock)
{
    public async Task<Result<InspectionPhotoView>> AddAsync(Guid taskId, Stream? content, string? fileName, CancellationToken ct = default)
    {
        var task = await db.InspectionTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || await db.ActOnAsync(db.Bodies.AsNoTracking(), task.BodyId, InspectionWorkflow.PermissionOf(InspectionAction.AddPhoto), ct) is null)
            return InspectionErrors.TaskNotFound();
        if (InspectionWorkflow.Refusal(task.State, InspectionAction.AddPhoto) is { } refused)
            return refused;
        if (content is null)
            return InspectionErrors.PhotoMissing();
        var head = new byte[FileSniffer.HeadLength];
        var length = await FileSniffer.ReadHeadAsync(content, head, ct);
        if (length == 0)
            return InspectionErrors.PhotoMissing();
        if (FileSniffer.Sniff(head.AsSpan(0, length)) is not { Kind: EvidenceKind.Photo } type)
            return InspectionErrors.NotAPhoto();
        BlobInfo blob;
        try
        {
            blob = await store.PutAsync(new PrefixedStream(head.AsMemory(0, length), content), limits.BytesFor(EvidenceKind.Photo), ct);
        }
        catch (BlobTooLargeException)
        {
            return InspectionErrors.PhotoTooLarge(limits.MegabytesFor(EvidenceKind.Photo));
        }
        if (await db.InspectionPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.TaskId == taskId && p.Sha256 == blob.Sha256, ct) is { } existing)
            return View(existing);
        var name = Path.GetFileName(fileName ?? "") is { Length: > 0 } n ? n[..Math.Min(n.Length, InspectionPhoto.MaxFileName)] : blob.Sha256[..12] + type.Extension;
        var photo = new InspectionPhoto(Guid.CreateVersion7(), taskId, task.BodyId, blob.Sha256, type.MediaType, blob.Length, name, clock.GetUtcNow().UtcDateTime, db.Actor.ActorName);
        db.InspectionPhotos.Add(photo);
        await db.SaveChangesAsync(ct);
        return View(photo);
    }

    public async Task<IReadOnlyList<InspectionPhotoView>> ListAsync(Guid taskId, CancellationToken ct = default) =>
        [.. (await db.InspectionPhotos.AsNoTracking().Where(p => p.TaskId == taskId).OrderBy(p => p.UploadedAt).ToListAsync(ct)).Select(View)];

    /// <summary>The photo's content, for whoever reads the inspection.</summary>
    public async Task<Result<(Stream Content, string MediaType, string FileName)>> OpenAsync(Guid taskId, Guid photoId, CancellationToken ct = default)
    {
        var photo = await db.InspectionPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.TaskId == taskId, ct);
        if (photo is null || store.OpenRead(photo.Sha256) is not { } stream)
            return InspectionErrors.PhotoNotFound();
        return (stream, photo.MediaType, photo.FileName);
    }

    private static InspectionPhotoView View(InspectionPhoto p) => new(p.Id, p.FileName, p.MediaType, p.Length, p.Sha256, p.UploadedAt, p.UploadedByName);
}
