using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases;

/// <summary>
/// How many cases of a body, registered in a month, are now in a state: the rollup the region statistics read instead of
/// the cases (a province holds millions of them). <see cref="CaseCountRollup"/> keeps it equal to a GROUP BY over the cases,
/// in the transaction of every change of a case.
/// </summary>
public sealed class CaseCount : INotAudited
{
    private CaseCount()
    {
    }

    public Guid BodyId { get; private set; }

    /// <summary>The month of registration as yyyymm (202603).</summary>
    public int Month { get; private set; }

    public CaseState State { get; private set; }
    public int Count { get; private set; }
}

internal sealed class CaseCountConfiguration : IEntityTypeConfiguration<CaseCount>
{
    public void Configure(EntityTypeBuilder<CaseCount> builder)
    {
        builder.ToTable("CaseCounts");
        // The key is what the upsert of CaseCountRollup.ApplyAsync conflicts on.
        builder.HasKey(c => new { c.BodyId, c.Month, c.State });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Keeps the <see cref="CaseCount"/> rollup: every save that adds a case, changes its state (or its body or registration
/// day) or deletes it adds its +1/−1 to the rollup in the same transaction, as one upsert that adds to the stored count
/// (<c>INSERT … ON CONFLICT … DO UPDATE SET "Count" = "Count" + excluded."Count"</c>, on SQLite and PostgreSQL alike), so
/// concurrent saves add up instead of overwriting each other. Cases written past the app (the bench generator's COPY)
/// need <see cref="RebuildAsync(ZhifaDbContext, CancellationToken)"/> afterwards.
/// </summary>
public static class CaseCountRollup
{
    /// <summary>The month of a day as the rollup stores it: yyyymm.</summary>
    public static int MonthOf(DateOnly day) => (day.Year * 100) + day.Month;

    /// <summary>The first day of a yyyymm month.</summary>
    public static DateOnly FirstDayOf(int month) => new(month / 100, month % 100, 1);

    /// <summary>What the pending changes of the tracker add to the rollup, by key, in the key's order (so concurrent saves lock rows in one order).</summary>
    internal static IReadOnlyList<(Guid BodyId, int Month, CaseState State, int Delta)> Deltas(ChangeTracker tracker)
    {
        var deltas = new SortedDictionary<(Guid, int, CaseState), int>();
        void Add(Guid body, DateOnly registered, CaseState state, int delta)
        {
            var key = (body, MonthOf(registered), state);
            deltas[key] = deltas.GetValueOrDefault(key) + delta;
        }
        foreach (var entry in tracker.Entries<PenaltyCase>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                var (body, registered, state) = (entry.Property(c => c.BodyId).OriginalValue, entry.Property(c => c.RegisteredOn).OriginalValue,
                    entry.Property(c => c.State).OriginalValue);
                Add(body, registered, state, -1);
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
                Add(entry.Entity.BodyId, entry.Entity.RegisteredOn, entry.Entity.State, +1);
        }
        return [.. deltas.Where(d => d.Value != 0).Select(d => (d.Key.Item1, d.Key.Item2, d.Key.Item3, d.Value))];
    }

    /// <summary>Adds the deltas to the stored counts in one statement (a missing row starts from the delta).</summary>
    internal static Task ApplyAsync(ZhifaDbContext db, IReadOnlyList<(Guid BodyId, int Month, CaseState State, int Delta)> deltas, CancellationToken ct)
    {
        var sql = new StringBuilder("INSERT INTO \"CaseCounts\" (\"BodyId\", \"Month\", \"State\", \"Count\") VALUES ");
        var args = new object[deltas.Count * 4];
        for (var i = 0; i < deltas.Count; i++)
        {
            var (body, month, state, delta) = deltas[i];
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{i * 4}}}, {{{(i * 4) + 1}}}, {{{(i * 4) + 2}}}, {{{(i * 4) + 3}}})");
            (args[i * 4], args[(i * 4) + 1], args[(i * 4) + 2], args[(i * 4) + 3]) = (body, month, state.ToString(), delta);
        }
        sql.Append(" ON CONFLICT (\"BodyId\", \"Month\", \"State\") DO UPDATE SET \"Count\" = \"CaseCounts\".\"Count\" + excluded.\"Count\"");
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }

    /// <summary>
    /// The statements that make the rollup again from the cases: on PostgreSQL the table is locked first, so a case saved
    /// meanwhile adds its delta after the rebuild (which then did not count it) or was counted by it (its delta went with
    /// the deleted rows).
    /// </summary>
    private static IReadOnlyList<string> RebuildStatements(bool postgres) => postgres
        ?
        [
            "LOCK TABLE \"CaseCounts\" IN EXCLUSIVE MODE",
            "DELETE FROM \"CaseCounts\"",
            "INSERT INTO \"CaseCounts\" (\"BodyId\", \"Month\", \"State\", \"Count\") SELECT \"BodyId\", "
                + "(EXTRACT(YEAR FROM \"RegisteredOn\") * 100 + EXTRACT(MONTH FROM \"RegisteredOn\"))::integer, \"State\", COUNT(*) FROM \"Cases\" GROUP BY 1, 2, 3",
        ]
        :
        [
            "DELETE FROM \"CaseCounts\"",
            // DateOnly is stored as 'yyyy-MM-dd' text.
            "INSERT INTO \"CaseCounts\" (\"BodyId\", \"Month\", \"State\", \"Count\") SELECT \"BodyId\", "
                + "CAST(substr(\"RegisteredOn\", 1, 4) || substr(\"RegisteredOn\", 6, 2) AS INTEGER), \"State\", COUNT(*) FROM \"Cases\" GROUP BY 1, 2, 3",
        ];

    /// <summary>
    /// Makes the rollup again from every case, in one transaction (the caller's, if one is open); returns the rows written.
    /// For the <c>rebuild-case-counts</c> command, an upgrade from a release without the rollup, and after cases were
    /// written past the app.
    /// </summary>
    public static async Task<int> RebuildAsync(ZhifaDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = 0;
        await db.InTransactionAsync(async () =>
        {
            foreach (var sql in RebuildStatements(db.IsPostgres))
                rows = await db.Database.ExecuteSqlRawAsync(sql, ct);
        }, ct);
        return rows;
    }

    /// <summary>
    /// The same on a plain connection (PostgreSQL or SQLite), for tools that write cases with COPY, such as the bench
    /// generator: call it after the cases are in. Opens the connection if it is closed; returns the rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(DbConnection connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = 0;
        foreach (var sql in RebuildStatements(connection is Npgsql.NpgsqlConnection))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            command.CommandTimeout = 0;
            rows = await command.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return rows;
    }
}

/// <summary>Adds each save's changes of cases to the <see cref="CaseCount"/> rollup, inside the saving transaction.</summary>
internal sealed class CaseCountParticipant : ISaveParticipant
{
    public Func<CancellationToken, Task>? Prepare(ZhifaDbContext db, DateTime now)
    {
        var deltas = CaseCountRollup.Deltas(db.ChangeTracker);
        return deltas.Count == 0 ? null : ct => CaseCountRollup.ApplyAsync(db, deltas, ct);
    }
}
