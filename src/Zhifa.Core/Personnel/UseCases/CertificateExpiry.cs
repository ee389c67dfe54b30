using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Personnel.UseCases;

/// <summary>
/// Writes the expiry that the calendar already implies into each certificate's history (an <c>Expired</c>
/// event dated the day after its last day of validity), so that the history holds every change of state
/// and lists filtered by stored status agree with the date. Status on a day is still derived from the
/// date everywhere, so a late run changes no answer; it only completes the record. Idempotent.
/// </summary>
public sealed class CertificateExpiry(ZhifaDbContext db, TimeProvider clock)
{
    /// <summary>Records every expiry due by today (China time) in the caller's scope; returns how many were recorded.</summary>
    public async Task<int> RecordDueAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Certificates
            .Where(c => c.ValidUntil < today && c.Status != CertificateStatus.Expired
                && c.Status != CertificateStatus.Revoked && c.Status != CertificateStatus.Cancelled)
            .OrderBy(c => c.ValidUntil)
            .ToListAsync(ct);
        var recorded = due.Count(c => c.Expire(today, now).IsSuccess);
        if (recorded > 0)
            await db.SaveChangesAsync(ct);
        return recorded;
    }
}
