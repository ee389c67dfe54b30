using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Identity;

/// <summary>
/// Drops from the node's <see cref="AccessCache"/> what a successful write makes stale, once it is committed: a saved user
/// (stamp, active, officer link, organisation, password) or role assignment drops that user; a saved role (its
/// permissions) or organisation (active, name, place in the tree) drops every user; a saved token drops that token (not
/// when only its last use was recorded). A statement that bypasses the change tracker (<c>ExecuteUpdate</c>,
/// <c>ExecuteDelete</c>, raw SQL) and touches one of those tables drops everything. Inside a transaction the drop waits
/// for the commit, so that no request re-reads the old rows after it; a rollback drops nothing.
/// </summary>
public sealed class AccessCacheInvalidation(AccessCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>More users than this in one save: dropping them one by one costs more than dropping all.</summary>
    private const int UsersOneByOne = 16;

    private static readonly Type[] Watched = [typeof(User), typeof(RoleAssignment), typeof(Role), typeof(ApiToken), typeof(Organization)];

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();
    private volatile string[]? _tables;

    /// <summary>What a context's unit of work will drop once it is committed.</summary>
    private sealed class Pending
    {
        public readonly HashSet<Guid> Users = [];
        public readonly HashSet<string> Tokens = new(StringComparer.Ordinal);
        public bool AllUsers;
        public bool AllTokens;
        public int Saving;

        public bool IsEmpty => !AllUsers && !AllTokens && Users.Count == 0 && Tokens.Count == 0;

        public void Reset()
        {
            Users.Clear();
            Tokens.Clear();
            AllUsers = false;
            AllTokens = false;
        }
    }

    // Saving: note what the save changes (before it is written: afterwards deleted rows are gone from the tracker).

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData?.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData?.Context, succeeded: true);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context, succeeded: true);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData?.Context, succeeded: false);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context, succeeded: false);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Saved(eventData?.Context, succeeded: false);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context, succeeded: false);
        return Task.CompletedTask;
    }

    // Transactions: the drop happens at the commit; a rollback forgets it.

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData?.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>A commit or rollback that failed leaves the outcome unknown: drop as if committed.</summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Flush(eventData?.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData?.Context);
        return Task.CompletedTask;
    }

    // Statements past the change tracker.

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Bypassed(command, eventData?.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bypassed(command, eventData?.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var pending = _pending.GetOrCreateValue(context);
        pending.Saving++;
        var tracker = context.ChangeTracker;
        // Zhifa's context detected the changes just before saving: no second scan of every tracked record.
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = context is not ZhifaDbContext && detect;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is EntityState.Unchanged or EntityState.Detached)
                    continue;
                switch (entry.Entity)
                {
                    case User user:
                        pending.Users.Add(user.Id);
                        break;
                    case RoleAssignment assignment:
                        pending.Users.Add(assignment.UserId);
                        break;
                    case Role or Organization:
                        pending.AllUsers = true;
                        break;
                    case ApiToken token when !OnlyUseRecorded(entry):
                        pending.Tokens.Add(token.TokenHash);
                        break;
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Recording a token's last use changes nothing the cache holds (it keeps its own time of last use).</summary>
    private static bool OnlyUseRecorded(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Properties.All(p => !p.IsModified || p.Metadata.Name == nameof(ApiToken.LastUsedAt));

    private void Saved(DbContext? context, bool succeeded)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        pending.Saving = Math.Max(0, pending.Saving - 1);
        if (context.Database.CurrentTransaction is not null)
            return;
        // Outside a transaction of the caller's the save has committed (or failed, and nothing changed).
        if (succeeded)
            Flush(context);
        else
            Forget(context);
    }

    private void Bypassed(DbCommand command, DbContext? context)
    {
        if (context is null || command is null)
            return;
        var pending = _pending.GetOrCreateValue(context);
        // The change tracker's own statements were read as changes already.
        if (pending.Saving > 0)
            return;
        var text = command.CommandText;
        var tables = _tables ??= Watched.Select(t => context.Model.FindEntityType(t)?.GetTableName()).OfType<string>().Select(n => "\"" + n + "\"").ToArray();
        if (!tables.Any(t => text.Contains(t, StringComparison.Ordinal)))
            return;
        pending.AllUsers = true;
        pending.AllTokens = true;
        if (context.Database.CurrentTransaction is null)
            Flush(context);
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.IsEmpty)
            return;
        if (pending.AllUsers || pending.Users.Count > UsersOneByOne)
            cache.EvictAllUsers();
        else
        {
            foreach (var user in pending.Users)
                cache.EvictUser(user);
        }
        if (pending.AllTokens)
            cache.Clear();
        foreach (var token in pending.Tokens)
            cache.EvictToken(token);
        pending.Reset();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
            pending.Reset();
    }
}
