using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Audit;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Records.UseCases;

/// <summary>What an upload says about its file; the file itself comes as a stream.</summary>
public sealed record EvidenceUpload(EvidenceKind? Kind = null, string? Title = null, CaseAction? Step = null, DateTime? TakenAt = null,
    decimal? Latitude = null, decimal? Longitude = null, string? FileName = null);

/// <summary>A piece of evidence as the API and the pages show it.</summary>
public sealed record EvidenceView(Guid Id, Guid CaseId, EvidenceKind Kind, string Title, string FileName, string MediaType, long Length, string Sha256,
    CaseAction? Step, DateTime UploadedAt, string UploadedByName, DateTime? TakenAt, decimal? Latitude, decimal? Longitude,
    bool Withdrawn, DateTime? WithdrawnAt, string? WithdrawnByName, string? WithdrawalReason, int Version);

/// <summary>Attaching a file sent by a resumable upload: the session, and what the multipart upload's fields would say.</summary>
public sealed record EvidenceFromUpload([MustSend] Guid? UploadId = null, EvidenceKind? Kind = null,
    [System.ComponentModel.DataAnnotations.MaxLength(EvidenceFile.MaxTitle)] string? Title = null, CaseAction? Step = null, DateTime? TakenAt = null,
    [System.ComponentModel.DataAnnotations.Range(-90.0, 90.0)] decimal? Latitude = null,
    [System.ComponentModel.DataAnnotations.Range(-180.0, 180.0)] decimal? Longitude = null);

/// <summary>Withdrawing a piece of evidence: the version read and why.</summary>
public sealed record WithdrawEvidenceRequest([MustSend] [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)] int? Version = null,
    [MustSend] [System.ComponentModel.DataAnnotations.MaxLength(EvidenceFile.MaxReason)] string? Reason = null);

/// <summary>One file's check: the hash on record, the hash of the stored file now, the hash the audit trail recorded.</summary>
public sealed record EvidenceCheck(Guid Id, string Title, string Recorded, string? Stored, string? Audited, bool Intact, string? Problem);

/// <summary>A case's files checked against the record and the audit trail.</summary>
public sealed record CaseVerification(Guid CaseId, DateTime CheckedAt, int Files, int Intact, IReadOnlyList<EvidenceCheck> Checks)
{
    public bool AllIntact => Intact == Files;
}

/// <summary>A file to send: its stream, type and name.</summary>
public sealed record EvidenceContent(Stream Content, string MediaType, string FileName, string Sha256);

/// <summary>
/// The evidence of a case: attached from a desk or a phone as it streams in (type told by content, size limited per kind,
/// SHA-256 computed on the way, stored by hash), listed, sent, withdrawn with a reason (never deleted), and verified.
/// </summary>
public sealed class EvidenceDesk(ZhifaDbContext db, CaseQueries cases, AuditQueries audit, IBlobStore store, EvidenceLimits limits, TimeProvider clock,
    UploadSessions? uploads = null)
{
    /// <summary>Attaches the file of a complete resumable upload (<see cref="UploadSessions"/>), which is then removed; an incomplete one is refused and kept.</summary>
    public async Task<Result<EvidenceView>> AddFromUploadAsync(Guid caseId, EvidenceFromUpload request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await cases.RefAsync(caseId, RecordsPermissions.AddEvidence, ct) is null)
            return CaseErrors.CaseNotFound();
        if (request.UploadId is not { } id || uploads?.Find(id, db.Actor.UserId ?? Guid.Empty) is not { } session)
            return RecordsErrors.UploadNotFound();
        if (!session.Complete)
            return RecordsErrors.UploadIncomplete(session.Offset, session.Length);
        Result<EvidenceView> result;
        await using (var content = uploads.OpenRead(session))
            result = await AddAsync(caseId, new EvidenceUpload(request.Kind, request.Title, request.Step, request.TakenAt, request.Latitude, request.Longitude, session.FileName),
                content, ct);
        if (result.IsSuccess)
            uploads.Remove(session.Id);
        return result;
    }

    /// <param name="unreadable">Fields of the request that could not be read at all (a date that is no date), reported with the others.</param>
    public async Task<Result<EvidenceView>> AddAsync(Guid caseId, EvidenceUpload meta, Stream? content, CancellationToken ct = default, ValidationError? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var c = await cases.RefAsync(caseId, RecordsPermissions.AddEvidence, ct);
        if (c is null)
            return CaseErrors.CaseNotFound();
        if (c.Locked)
            return RecordsErrors.CaseFileLocked();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationBuilder().Add(unreadable);
        var title = meta.Title?.Trim();
        if (title is { Length: > EvidenceFile.MaxTitle })
            errors.Add(CommonErrors.FieldTooLong("title", EvidenceFile.MaxTitle));
        if (meta.Latitude is null != meta.Longitude is null)
            errors.Add(RecordsErrors.CoordinatesIncomplete(meta.Latitude is null ? "latitude" : "longitude"));
        if (meta.Latitude is < -90 or > 90)
            errors.Add(CommonErrors.FieldOutOfRange("latitude", -90, 90, false));
        if (meta.Longitude is < -180 or > 180)
            errors.Add(CommonErrors.FieldOutOfRange("longitude", -180, 180, false));
        if (meta.TakenAt is { } taken && taken.ToUniversalTime() > now.AddMinutes(5))
            errors.Add(RecordsErrors.TakenInFuture());
        if (meta.Step is { } step && !Enum.IsDefined(step))
            errors.Add(RecordsErrors.StepUnknown());

        SniffedType? type = null;
        var head = new byte[FileSniffer.HeadLength];
        var headLength = 0;
        if (content is null)
            errors.Add(RecordsErrors.FileMissing());
        else
        {
            headLength = await FileSniffer.ReadHeadAsync(content, head, ct);
            type = headLength == 0 ? null : FileSniffer.Sniff(head.AsSpan(0, headLength));
            if (headLength == 0)
                errors.Add(RecordsErrors.FileMissing());
            else if (type is null)
                errors.Add(RecordsErrors.FileTypeUnknown());
            else if (meta.Kind is { } kind && kind != type.Kind)
                errors.Add(RecordsErrors.FileNotOfKind(kind.ToString(), type.Kind.ToString()));
        }
        if (errors.Build() is { } invalid)
            return invalid;

        BlobInfo blob;
        try
        {
            blob = await store.PutAsync(new PrefixedStream(head.AsMemory(0, headLength), content!), limits.BytesFor(type!.Kind), ct);
        }
        catch (BlobTooLargeException)
        {
            return RecordsErrors.FileTooLarge(limits.MegabytesFor(type!.Kind));
        }

        if (await FindAsync(caseId, blob.Sha256, ct) is { } existing)
            return View(existing);
        var fileName = Path.GetFileName(meta.FileName ?? "") is { Length: > 0 } name ? name[..Math.Min(name.Length, EvidenceFile.MaxFileName)] : blob.Sha256[..12] + type.Extension;
        var file = new EvidenceFile(Guid.CreateVersion7(now), caseId, c.BodyId, type.Kind, string.IsNullOrEmpty(title) ? fileName : title, fileName, type.MediaType,
            blob.Length, blob.Sha256, meta.Step, now, db.Actor.UserId, db.Actor.ActorName, meta.TakenAt?.ToUniversalTime(), meta.Latitude, meta.Longitude);
        db.EvidenceFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same file attached at the same moment by a retry: the first one stands.
            db.Entry(file).State = EntityState.Detached;
            if (await FindAsync(caseId, blob.Sha256, ct, fresh: true) is { } first)
                return View(first);
            throw;
        }
        return View(file);
    }

    public async Task<Result<IReadOnlyList<EvidenceView>>> ListAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await cases.RefAsync(caseId, CasePermissions.Read, ct) is null)
            return CaseErrors.CaseNotFound();
        var files = await db.EvidenceFiles.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return files.Select(View).ToList();
    }

    public async Task<Result<EvidenceContent>> OpenAsync(Guid caseId, Guid id, CancellationToken ct = default)
    {
        if (await cases.RefAsync(caseId, CasePermissions.Read, ct) is null)
            return CaseErrors.CaseNotFound();
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.CaseId == caseId, ct);
        if (file is null || store.OpenRead(file.Sha256) is not { } stream)
            return RecordsErrors.EvidenceNotFound();
        return new EvidenceContent(stream, file.MediaType, file.FileName, file.Sha256);
    }

    public async Task<Result<EvidenceView>> WithdrawAsync(Guid caseId, Guid id, WithdrawEvidenceRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = await cases.RefAsync(caseId, RecordsPermissions.WithdrawEvidence, ct);
        if (c is null)
            return CaseErrors.CaseNotFound();
        var file = await db.EvidenceFiles.FirstOrDefaultAsync(e => e.Id == id && e.CaseId == caseId, ct);
        if (file is null)
            return RecordsErrors.EvidenceNotFound();
        var errors = new ValidationBuilder();
        if (request.Version is null)
            errors.Add(CommonErrors.FieldRequired("version"));
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors.Add(CommonErrors.FieldRequired("reason"));
        if (errors.Build() is { } invalid)
            return invalid;
        if (c.Locked)
            return RecordsErrors.CaseFileLocked();
        if (file.Withdrawn)
            return RecordsErrors.AlreadyWithdrawn();
        if (file.Version != request.Version)
            return CommonErrors.StaleVersion();
        file.Withdraw(clock.GetUtcNow().UtcDateTime, db.Actor.UserId, db.Actor.ActorName, request.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        return View(file);
    }

    /// <summary>
    /// Every file of the case read again from the store and hashed: compared with the hash on record and with the hash the
    /// audit trail sealed when the file was attached. Any difference is reported, file by file.
    /// </summary>
    public async Task<Result<CaseVerification>> VerifyAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await cases.RefAsync(caseId, RecordsPermissions.Verify, ct) is null)
            return CaseErrors.CaseNotFound();
        var files = await db.EvidenceFiles.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var entries = await audit.EntriesOfAsync([nameof(EvidenceFile)], [.. files.Select(f => f.Id.ToString())], ct);
        var audited = entries.Where(e => e.Action == "Added").GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => AuditedHash(g.First().After));
        var checks = new List<EvidenceCheck>(files.Count);
        foreach (var f in files)
        {
            var stored = await store.HashNowAsync(f.Sha256, ct);
            var sealedHash = audited.GetValueOrDefault(f.Id.ToString());
            var problem = stored is null ? "records.check.file_missing"
                : stored != f.Sha256 ? "records.check.file_changed"
                : sealedHash is null ? "records.check.not_in_audit"
                : sealedHash != f.Sha256 ? "records.check.record_changed"
                : null;
            checks.Add(new EvidenceCheck(f.Id, f.Title, f.Sha256, stored, sealedHash, problem is null, problem));
        }
        return new CaseVerification(caseId, clock.GetUtcNow().UtcDateTime, files.Count, checks.Count(c => c.Intact), checks);
    }

    private static string? AuditedHash(string? after)
    {
        if (after is null)
            return null;
        using var json = JsonDocument.Parse(after);
        foreach (var p in json.RootElement.EnumerateObject())
            if (string.Equals(p.Name, nameof(EvidenceFile.Sha256), StringComparison.OrdinalIgnoreCase))
                return p.Value.GetString();
        return null;
    }

    private async Task<EvidenceFile?> FindAsync(Guid caseId, string sha256, CancellationToken ct, bool fresh = false)
    {
        var q = db.EvidenceFiles.Where(e => e.CaseId == caseId && e.Sha256 == sha256);
        return await (fresh ? q.AsNoTracking() : q).FirstOrDefaultAsync(ct);
    }

    internal static EvidenceView View(EvidenceFile f) => new(f.Id, f.CaseId, f.Kind, f.Title, f.FileName, f.MediaType, f.Length, f.Sha256, f.Step, f.UploadedAt,
        f.UploadedByName, f.TakenAt, f.Latitude, f.Longitude, f.Withdrawn, f.WithdrawnAt, f.WithdrawnByName, f.WithdrawalReason, f.Version);
}

/// <summary>Whether a case's step has its audio-video record among the evidence (SXZD-AV), for case handling's guard.</summary>
internal sealed class EvidenceRecordings(ZhifaDbContext db) : ICaseRecordings
{
    public Task<bool> AudioVideoRecordedAsync(Guid caseId, CaseAction step, DateTime? since, CancellationToken ct) =>
        db.EvidenceFiles.AnyAsync(e => e.CaseId == caseId && e.Step == step && e.Kind == EvidenceKind.Video && e.WithdrawnAt == null
            && (since == null || e.UploadedAt > since), ct);
}

/// <summary>The bytes already read to tell the type, then the rest of the stream: one stream, read forward once.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        return await rest.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
