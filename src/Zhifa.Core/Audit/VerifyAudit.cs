using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;

namespace Zhifa.Core.Audit;

/// <summary>The outcome of walking the chain: how many entries verified, and the first that did not.</summary>
public sealed record AuditVerification(bool Intact, long Checked, long? FirstBadSequence, Guid? FirstBadId, string? Problem);

/// <summary>Walks the audit chain from the first entry and reports the first one whose hash or link does not verify.</summary>
public sealed class VerifyAudit(ZhifaDbContext db)
{
    private const int Batch = 2000;

    public async Task<AuditVerification> ExecuteAsync(CancellationToken ct = default)
    {
        long expectedSequence = 1;
        var previous = AuditEntry.GenesisHash;
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.Unscoped("verifying the audit chain reads every entry of it").AsNoTracking()
                .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
                return new AuditVerification(true, expectedSequence - 1, null, null, null);
            foreach (var e in batch)
            {
                string? problem = e.Sequence != expectedSequence ? "audit.sequence_gap"
                    : e.PreviousHash != previous ? "audit.chain_broken"
                    : e.ComputeHash() != e.Hash ? "audit.hash_mismatch"
                    : null;
                if (problem is not null)
                    return new AuditVerification(false, expectedSequence - 1, e.Sequence, e.Id, problem);
                previous = e.Hash;
                expectedSequence++;
                after = e.Sequence;
            }
        }
    }
}
