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

/// <summary>
/// How many open deadlines of a body fall due on a day: the overdue count of today is the sum over the days before it,
/// a few rows per body and day instead of every open deadline (tens of thousands per million cases). Kept by
/// <see cref="CaseCountRollup"/> like <see cref="CaseCount"/>.
/// </summary>
public sealed class OpenDeadlineCount : INotAudited
{
    private OpenDeadlineCount()
    {
    }

    public Guid BodyId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public int Count { get; private set; }
}

internal sealed class CaseCountConfiguration : IEntityTypeConfiguration<CaseCount>
{
    public void Configure(EntityTypeBuilder<CaseCount> builder)
    {
        builder.ToTable("CaseCounts");
        // The key is what the upsert of CaseCountRollup conflicts on.
        builder.HasKey(c => new { c.BodyId, c.Month, c.State });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpenDeadlineCountConfiguration : IEntityTypeConfiguration<OpenDeadlineCount>
{
    public void Configure(EntityTypeBuilder<OpenDeadlineCount> builder)
    {
        builder.ToTable("OpenDeadlineCounts");
        builder.HasKey(c => new { c.BodyId, c.DueOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Keeps the rollups of the case statistics, <see cref="CaseCount"/> and <see cref="OpenDeadlineCount"/>: every save that
/// adds a case, changes its state (or its body or registration day) or deletes it, and every save that opens, closes or
/// moves a deadline, adds its +1/−1 in the same transaction, as one upsert per table that adds to the stored count
/// (<c>INSERT … ON CONFLICT … DO UPDATE SET "Count" = "Count" + excluded."Count"</c>, on SQLite and PostgreSQL alike), so
/// concurrent saves add up instead of overwriting each other. Rows written past the app (the bench generator's COPY) need
/// <see cref="RebuildAsync(DbConnection, CancellationToken)"/> afterwards.
/// </summary>
public static class CaseCountRollup
{
    /// <summary>The month of a day as the rollup stores it: yyyymm.</summary>
    public static int MonthOf(DateOnly day) => (day.Year * 100) + day.Month;

    /// <summary>What the pending changes of the tracker add to the rollups, each by key in the key's order (so concurrent saves lock rows in one order).</summary>
    internal static (IReadOnlyList<(Guid BodyId, int Month, CaseState State, int Delta)> Cases, IReadOnlyList<(Guid BodyId, DateOnly DueOn, int Delta)> Deadlines)
        Deltas(ChangeTracker tracker)
    {
        var cases = new SortedDictionary<(Guid, int, CaseState), int>();
        foreach (var entry in tracker.Entries<PenaltyCase>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                Add(cases, (entry.Property(c => c.BodyId).OriginalValue, MonthOf(entry.Property(c => c.RegisteredOn).OriginalValue), entry.Property(c => c.State).OriginalValue), -1);
            if (entry.State is EntityState.Added or EntityState.Modified)
                Add(cases, (entry.Entity.BodyId, MonthOf(entry.Entity.RegisteredOn), entry.Entity.State), +1);
        }
        var deadlines = new SortedDictionary<(Guid, DateOnly), int>();
        foreach (var entry in tracker.Entries<CaseDeadline>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Property(d => d.Status).OriginalValue == DeadlineStatus.Open)
                Add(deadlines, (entry.Property(d => d.BodyId).OriginalValue, entry.Property(d => d.DueOn).OriginalValue), -1);
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity.Status == DeadlineStatus.Open)
                Add(deadlines, (entry.Entity.BodyId, entry.Entity.DueOn), +1);
        }
        return ([.. cases.Where(d => d.Value != 0).Select(d => (d.Key.Item1, d.Key.Item2, d.Key.Item3, d.Value))],
            [.. deadlines.Where(d => d.Value != 0).Select(d => (d.Key.Item1, d.Key.Item2, d.Value))]);
    }

    private static void Add<TKey>(SortedDictionary<TKey, int> deltas, TKey key, int delta) where TKey : notnull =>
        deltas[key] = deltas.GetValueOrDefault(key) + delta;

    /// <summary>Adds the deltas to the stored counts, one statement per table (a missing row starts from its delta).</summary>
    internal static async Task ApplyAsync(ZhifaDbContext db, IReadOnlyList<(Guid BodyId, int Month, CaseState State, int Delta)> cases,
        IReadOnlyList<(Guid BodyId, DateOnly DueOn, int Delta)> deadlines, CancellationToken ct)
    {
        if (cases.Count > 0)
            await UpsertAsync(db, "CaseCounts", ["BodyId", "Month", "State"], [.. cases.Select(d => new object[] { d.BodyId, d.Month, d.State.ToString(), d.Delta })], ct);
        if (deadlines.Count > 0)
            await UpsertAsync(db, "OpenDeadlineCounts", ["BodyId", "DueOn"], [.. deadlines.Select(d => new object[] { d.BodyId, d.DueOn, d.Delta })], ct);
    }

    /// <summary><c>INSERT INTO table (key…, "Count") VALUES … ON CONFLICT (key…) DO UPDATE SET "Count" = table."Count" + excluded."Count"</c>.</summary>
    private static Task UpsertAsync(ZhifaDbContext db, string table, IReadOnlyList<string> key, IReadOnlyList<object[]> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", key.Select(k => $"\"{k}\""));
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"INSERT INTO \"{table}\" ({columns}, \"Count\") VALUES ");
        var args = new List<object>();
        foreach (var row in rows)
        {
            sql.Append(args.Count == 0 ? "(" : ", (");
            sql.AppendJoin(", ", row.Select((_, i) => "{" + (args.Count + i).ToString(CultureInfo.InvariantCulture) + "}"));
            sql.Append(')');
            args.AddRange(row);
        }
        sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({columns}) DO UPDATE SET \"Count\" = \"{table}\".\"Count\" + excluded.\"Count\"");
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }

    /// <summary>
    /// The statements that make both rollups again from the cases and their deadlines: on PostgreSQL the tables are locked
    /// first, so a save meanwhile adds its delta after the rebuild (which then did not count it) or was counted by it (its
    /// delta went with the deleted rows). The last statement's count is the rows written.
    /// </summary>
    public static IReadOnlyList<string> RebuildStatements(bool postgres) =>
    [
        .. postgres ? ["LOCK TABLE \"CaseCounts\", \"OpenDeadlineCounts\" IN EXCLUSIVE MODE"] : Array.Empty<string>(),
        "DELETE FROM \"OpenDeadlineCounts\"",
        "INSERT INTO \"OpenDeadlineCounts\" (\"BodyId\", \"DueOn\", \"Count\") SELECT \"BodyId\", \"DueOn\", COUNT(*) FROM \"CaseDeadlines\" "
            + "WHERE \"Status\" = 'Open' GROUP BY \"BodyId\", \"DueOn\"",
        "DELETE FROM \"CaseCounts\"",
        "INSERT INTO \"CaseCounts\" (\"BodyId\", \"Month\", \"State\", \"Count\") SELECT \"BodyId\", "
            + (postgres
                ? "(EXTRACT(YEAR FROM \"RegisteredOn\") * 100 + EXTRACT(MONTH FROM \"RegisteredOn\"))::integer"
                // DateOnly is stored as 'yyyy-MM-dd' text.
                : "CAST(substr(\"RegisteredOn\", 1, 4) || substr(\"RegisteredOn\", 6, 2) AS INTEGER)")
            + ", \"State\", COUNT(*) FROM \"Cases\" GROUP BY 1, 2, 3",
    ];

    /// <summary>
    /// Makes both rollups again from every case and deadline, in one transaction (the caller's, if one is open); returns the
    /// case count rows written. For the <c>rebuild-case-counts</c> command and an upgrade from a release without the rollups.
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
    /// The same on a plain connection (PostgreSQL or SQLite), for tools that write cases and deadlines with COPY, such as
    /// the bench generator: call it once after they are in. Opens the connection if it is closed; returns the case count
    /// rows written.
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

/// <summary>Adds each save's changes of cases and deadlines to the rollups (<see cref="CaseCountRollup"/>), inside the saving transaction.</summary>
internal sealed class CaseRollupParticipant : ISaveParticipant
{
    // A rollup row is shared by every case of a body, state and month: updated after the cases, its lock lasts to the commit only.
    public SavePhase Phase => SavePhase.AfterSave;

    public Func<CancellationToken, Task>? Prepare(ZhifaDbContext db, DateTime now)
    {
        var (cases, deadlines) = CaseCountRollup.Deltas(db.ChangeTracker);
        return cases.Count == 0 && deadlines.Count == 0 ? null : ct => CaseCountRollup.ApplyAsync(db, cases, deadlines, ct);
    }
}
