using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;

namespace Zhifa.Core.Records.UseCases;

/// <summary>What the whole store's check found: files checked, and each difference.</summary>
public sealed record StoreCheckReport(int Records, int Blobs, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// The whole evidence store checked (the <c>verify-evidence</c> command): every record's file read again and hashed
/// against the record, and every file of the store against its own name (its address is its hash).
/// </summary>
public static class EvidenceStoreCheck
{
    public static async Task<StoreCheckReport> RunAsync(ZhifaDbContext db, IBlobStore store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var problems = new List<string>();
        var records = 0;
        var rows = db.EvidenceFiles.Unscoped("the operator's check of the whole store").AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.CaseId, e.Sha256 }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            records++;
            var now = await store.HashNowAsync(row.Sha256, ct);
            if (now is null)
                problems.Add($"evidence {row.Id} of case {row.CaseId}: file {row.Sha256} is missing");
            else if (now != row.Sha256)
                problems.Add($"evidence {row.Id} of case {row.CaseId}: file {row.Sha256} now hashes to {now}");
        }
        var blobs = 0;
        foreach (var address in store.All())
        {
            blobs++;
            var now = await store.HashNowAsync(address, ct);
            if (now != address)
                problems.Add($"stored file {address} now hashes to {now}");
        }
        return new StoreCheckReport(records, blobs, problems.Distinct().ToList());
    }
}
