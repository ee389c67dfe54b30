using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Data;

/// <summary>
/// Set-based work for imports: look rows up by chunks of keys (<c>WHERE key IN (…)</c>, never one query per row), and
/// write many records in batches, one save each, all in one transaction.
/// </summary>
public static class Batches
{
    /// <summary>Keys per <c>IN (…)</c> list: well under the parameter limits of SQLite and PostgreSQL.</summary>
    public const int KeysPerQuery = 1000;

    /// <summary>The results of <paramref name="query"/> for every chunk of <paramref name="keys"/> (distinct), one query per chunk.</summary>
    public static async Task<List<T>> ByChunksAsync<TKey, T>(IEnumerable<TKey> keys, Func<TKey[], Task<List<T>>> query)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(query);
        var result = new List<T>();
        foreach (var chunk in keys.Distinct().Chunk(KeysPerQuery))
            result.AddRange(await query(chunk));
        return result;
    }

    /// <summary>
    /// Adds <paramref name="items"/> in batches of <paramref name="batchSize"/>, saving once per batch, all in one
    /// transaction: all or nothing. <paramref name="add"/> puts a batch into the context (and attaches what its save
    /// participants need to see, such as the records the new ones belong to). The change tracker is emptied after each
    /// batch and does not scan itself again while a batch is saved, so the cost of a save grows with the batch, not with the import.
    /// </summary>
    public static async Task SaveInBatchesAsync<T>(this ZhifaDbContext db, IReadOnlyList<T> items, int batchSize, Action<T[]> add, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(add);
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                foreach (var batch in items.Chunk(Math.Max(1, batchSize)))
                {
                    add(batch);
                    await db.SaveChangesAsync(ct);
                    tracker.Clear();
                }
            }, ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
