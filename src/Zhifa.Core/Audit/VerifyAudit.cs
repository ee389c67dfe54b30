using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Audit;

/// <summary>
/// The outcome of walking the chain: how many entries and checkpoints verified, and the first entry that did not (its
/// sequence; for a truncated trail, the first missing one) with the problem's code.
/// </summary>
public sealed record AuditVerification(bool Intact, long Checked, long? FirstBadSequence, Guid? FirstBadId, string? Problem,
    int CheckpointsChecked = 0, long? AnchoredUpTo = null);

/// <summary>
/// Walks the audit chain from the first entry: each entry's sequence, link, hash (with its own algorithm) and seal (with
/// the key it names); each checkpoint's signature (with a key of the ring, never one from the database) and that the entry
/// it vouches for is there with that hash. Given a supervising body's exported copy of the checkpoints, also that every one
/// of them is still in the database, unchanged. Reports the first problem by sequence.
/// </summary>
public sealed class VerifyAudit(ZhifaDbContext db, AuditKeyRing keys)
{
    private const int Batch = 2000;

    public async Task<AuditVerification> ExecuteAsync(CancellationToken ct = default) => await ExecuteAsync(null, ct);

    /// <param name="copy">Checkpoints kept outside (an earlier export), compared with the database's.</param>
    public async Task<AuditVerification> ExecuteAsync(IReadOnlyList<AuditCheckpointDto>? copy, CancellationToken ct = default)
    {
        var stored = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(ct);
        var bySequence = stored.ToDictionary(c => c.Sequence);
        var anchors = new SortedDictionary<long, Anchor>();
        foreach (var c in stored)
            anchors[c.Sequence] = new Anchor(c.Sequence, c.EntryHash, Verifies(c) ? null : "audit.checkpoint_forged");
        foreach (var c in copy ?? [])
        {
            var problem = bySequence.TryGetValue(c.Sequence, out var mine)
                ? (mine.EntryHash == c.EntryHash && mine.Signature == c.Signature ? anchors[c.Sequence].Problem : "audit.checkpoint_differs")
                : "audit.checkpoint_missing";
            anchors[c.Sequence] = new Anchor(c.Sequence, c.EntryHash, problem);
        }

        long expectedSequence = 1;
        var previous = AuditEntry.GenesisHash;
        var sealedSeen = false;
        var checkpoints = 0;
        while (true)
        {
            var batch = await db.AuditEntries.Unscoped("verifying the audit chain reads every entry of it").AsNoTracking()
                .Where(e => e.Sequence >= expectedSequence).OrderBy(e => e.Sequence).Take(Batch).ToListAsync(ct);
            foreach (var e in batch)
            {
                var problem = e.Sequence != expectedSequence ? "audit.sequence_gap"
                    : e.PreviousHash != previous ? "audit.chain_broken"
                    : e.Algorithm is not (AuditAlgorithms.Sha256 or AuditAlgorithms.Sm3) ? "audit.algorithm_unknown"
                    : e.ComputeHash() != e.Hash ? "audit.hash_mismatch"
                    : SealProblem(e, sealedSeen);
                if (problem is null && anchors.TryGetValue(e.Sequence, out var anchor))
                {
                    problem = anchor.Problem ?? (anchor.EntryHash != e.Hash ? "audit.checkpoint_mismatch" : null);
                    checkpoints++;
                }
                if (problem is not null)
                    return new AuditVerification(false, expectedSequence - 1, e.Sequence, e.Id, problem, checkpoints, Anchored(expectedSequence - 1));
                sealedSeen |= e.Seal is not null;
                previous = e.Hash;
                expectedSequence++;
            }
            if (batch.Count < Batch)
                break;
        }
        // Checkpoints past the last entry: the newest entries were removed (unless the checkpoint itself is forged).
        var beyond = anchors.Values.FirstOrDefault(a => a.Sequence >= expectedSequence);
        if (beyond is not null)
            return new AuditVerification(false, expectedSequence - 1, beyond.Problem is null ? expectedSequence : beyond.Sequence, null,
                beyond.Problem ?? "audit.truncated", checkpoints, Anchored(expectedSequence - 1));
        return new AuditVerification(true, expectedSequence - 1, null, null, null, checkpoints, Anchored(expectedSequence - 1));

        long? Anchored(long upTo) => anchors.Keys.Where(s => s <= upTo).Select(s => (long?)s).LastOrDefault();
    }

    private bool Verifies(AuditCheckpoint c) => keys.Find(c.KeyId) is { } key && c.VerifiesWith(key);

    private string? SealProblem(AuditEntry e, bool sealedSeen)
    {
        if (e.Seal is null)
            return sealedSeen ? "audit.seal_missing" : null;
        var key = keys.Find(e.SealKeyId);
        if (key is null || !key.CanSeal)
            return "audit.seal_key_unknown";
        return key.Seal(e.Algorithm, e.Hash) == e.Seal ? null : "audit.seal_mismatch";
    }

    private sealed record Anchor(long Sequence, string EntryHash, string? Problem);
}
