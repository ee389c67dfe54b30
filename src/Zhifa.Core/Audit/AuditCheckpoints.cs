using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Audit;

/// <summary>How often the chain is anchored (<c>Zhifa:Audit</c>).</summary>
public sealed class AuditCheckpointOptions
{
    public const string Section = "Zhifa:Audit";

    /// <summary>A checkpoint at every multiple of this many entries.</summary>
    public int CheckpointEveryEntries { get; set; } = 1000;

    /// <summary>And at the newest entry when the last checkpoint is older than this (and entries followed it).</summary>
    public int CheckpointMaxMinutes { get; set; } = 60;
}

/// <summary>One checkpoint as exported: what a supervising body keeps to compare with later.</summary>
public sealed record AuditCheckpointDto([Range(1, long.MaxValue)] long Sequence, [MaxLength(64)] string EntryHash, DateTime At, [MaxLength(20)] string Algorithm,
    [MaxLength(16)] string KeyId, [MaxLength(200)] string Signature);

/// <summary>A kept copy of the checkpoints to compare with the database's: an export as it was downloaded (other fields are ignored).</summary>
public sealed record AuditCopyRequest([MaxLength(1_000_000)] IReadOnlyList<AuditCheckpointDto> Checkpoints);

/// <summary>A key as exported: its id, algorithm and public half (PEM), enough to check the checkpoints signed with it.</summary>
public sealed record AuditPublicKeyDto(string KeyId, string Algorithm, string PublicKeyPem);

/// <summary>The export of the checkpoints: the public keys, then every checkpoint, oldest first.</summary>
public sealed record AuditCheckpointExport(DateTime ExportedAt, IReadOnlyList<AuditPublicKeyDto> Keys, IReadOnlyList<AuditCheckpointDto> Checkpoints);

/// <summary>
/// Writes the checkpoints that are due — one at each multiple of <see cref="AuditCheckpointOptions.CheckpointEveryEntries"/>
/// the chain has passed, and one at the newest entry when the last is older than the maximum age — and exports them.
/// Run by a timer in the app (one node at a time) and by the <c>audit-checkpoint</c> command.
/// </summary>
public sealed class AuditCheckpoints(ZhifaDbContext db, AuditKeyRing keys, AuditCheckpointOptions options, TimeProvider clock)
{
    private const int MaxPerRun = 500;

    /// <summary>Writes the due checkpoints in the caller's transaction; returns how many.</summary>
    public async Task<int> WriteDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.AuditEntries.Unscoped("checkpoints vouch for the whole chain, whoever may read it").AsNoTracking();
        var head = await entries.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null)
            return 0;
        var last = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Sequence)
            .Select(c => new { c.Sequence, c.At }).FirstOrDefaultAsync(ct);
        var lastSequence = last?.Sequence ?? 0;
        if (head.Sequence <= lastSequence)
            return 0;
        var every = Math.Max(1, options.CheckpointEveryEntries);
        var due = new List<long>();
        // A chain that grew far past its last checkpoint (a first run over old entries) catches up over a few runs.
        for (var s = ((lastSequence / every) + 1) * every; s <= head.Sequence && due.Count < MaxPerRun; s += every)
            due.Add(s);
        var stale = last is null || now - last.At >= TimeSpan.FromMinutes(options.CheckpointMaxMinutes);
        if (stale && due.Count < MaxPerRun && (due.Count == 0 || due[^1] != head.Sequence))
            due.Add(head.Sequence);
        if (due.Count == 0)
            return 0;
        var hashes = await entries.Where(e => due.Contains(e.Sequence)).Select(e => new { e.Sequence, e.Hash }).ToDictionaryAsync(e => e.Sequence, e => e.Hash, ct);
        foreach (var (sequence, hash) in hashes)
            db.AuditCheckpoints.Add(new AuditCheckpoint(Guid.CreateVersion7(now), sequence, hash, now, keys.Current));
        await db.SaveChangesAsync(ct);
        return hashes.Count;
    }

    public async Task<AuditCheckpointExport> ExportAsync(CancellationToken ct = default)
    {
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence)
            .Select(c => new AuditCheckpointDto(c.Sequence, c.EntryHash, c.At, c.Algorithm, c.KeyId, c.Signature)).ToListAsync(ct);
        var used = checkpoints.Select(c => c.KeyId).ToHashSet(StringComparer.Ordinal);
        var publicKeys = keys.Keys.Where(k => used.Contains(k.Id) || k == keys.Current)
            .Select(k => new AuditPublicKeyDto(k.Id, k.SignatureAlgorithm, k.PublicKeyPem)).ToList();
        return new AuditCheckpointExport(clock.GetUtcNow().UtcDateTime, publicKeys, checkpoints);
    }
}
