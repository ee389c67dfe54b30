using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Data;

public static class DbContextExtensions
{
    /// <summary>Runs <paramref name="work"/> in one transaction (or in the caller's, if one is open) under the provider's execution strategy.</summary>
    public static async Task InTransactionAsync(this ZhifaDbContext db, Func<Task> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });
    }
}
