using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Data;

namespace Zhifa.Core.Identity;

/// <summary>
/// A signed-in user as every request needs them: their access (null when the account is inactive or gone), the name and
/// security stamp their cookie or token is checked against, and whether they must change their password.
/// </summary>
public sealed record CurrentUser(UserAccess? Access, string UserName, string SecurityStamp, bool MustChangePassword)
{
    /// <summary>No active account: every session and token of it is refused.</summary>
    public static readonly CurrentUser None = new(null, "", "", false);
}

/// <summary>A presented bearer token as the database holds it (found by its hash).</summary>
public sealed class CachedToken(Guid id, Guid userId, DateTime expiresAt, DateTime? revokedAt, DateTime? lastUsedAt)
{
    private long _lastUsedTicks = lastUsedAt?.Ticks ?? 0;

    public Guid Id { get; } = id;
    public Guid UserId { get; } = userId;
    public DateTime ExpiresAt { get; } = expiresAt;
    public DateTime? RevokedAt { get; } = revokedAt;

    /// <summary>
    /// Whether this request is the one to record the token's use at <paramref name="now"/>: when the last recorded use is
    /// older than <paramref name="every"/>, one caller on this node wins (the others see the new time) and writes it.
    /// </summary>
    public bool ClaimUse(DateTime now, TimeSpan every)
    {
        var last = Volatile.Read(ref _lastUsedTicks);
        if (last != 0 && last >= (now - every).Ticks)
            return false;
        return Interlocked.CompareExchange(ref _lastUsedTicks, now.Ticks, last) == last;
    }
}

/// <summary>
/// The node's memory of who the callers are, so that an authenticated request runs no query before its own work:
/// each user's <see cref="CurrentUser"/> by (user, organisation acted for), and each presented token by its hash.
/// <para>
/// On this node an entry is dropped the moment anything it was made of is saved (<see cref="AccessCacheInvalidation"/>:
/// the user, their role assignments, any role, any organisation, the token). Another node learns of such a change only
/// when its own entry reaches <see cref="SecurityOptions.AccessCacheSeconds"/> (30 s by default) and is read again: that
/// is how long a deactivated account, a revoked token or a withdrawn permission may still work on the other nodes of a
/// deployment. 0 turns the cache off (every request reads the database, as before).
/// </para>
/// At most <see cref="SecurityOptions.AccessCacheEntries"/> users (and as many tokens) are kept; past that, entries that
/// are due to be read again go first, then arbitrary ones.
/// </summary>
public sealed class AccessCache(SecurityOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(Guid User, Guid? ActingFor), Entry<CurrentUser>> _users = new();
    private readonly ConcurrentDictionary<string, Entry<CachedToken>> _tokens = new(StringComparer.Ordinal);
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(Math.Max(0, options.AccessCacheSeconds));
    private readonly int _capacity = Math.Max(1, options.AccessCacheEntries);

    /// <summary>Raised by every eviction: a value read from the database before it is not kept (it may be the old one).</summary>
    private long _generation;

    private sealed record Entry<T>(T Value, long LoadedAt);

    public bool Enabled => _maxAge > TimeSpan.Zero;

    /// <summary>How many users are held (for tests and diagnostics).</summary>
    public int UserCount => _users.Count;

    /// <summary>
    /// The user as cached, or as the database holds them now (then kept). The request's <paramref name="services"/> give the
    /// database context only on a miss: a hit builds none.
    /// </summary>
    public ValueTask<CurrentUser> UserAsync(Guid userId, Guid? actingFor, IServiceProvider services, CancellationToken ct = default) =>
        GetAsync(_users, (userId, actingFor), (services, userId, actingFor),
            static (s, c) => s.services.GetRequiredService<AccessLoader>().ReadAsync(s.userId, s.actingFor, c)!, ct)!;

    /// <summary>The token of <paramref name="hash"/> as cached, or as the database holds it; an unknown token (null) is not kept.</summary>
    public ValueTask<CachedToken?> TokenAsync(string hash, IServiceProvider services, CancellationToken ct = default) =>
        GetAsync(_tokens, hash, (services, hash), static (s, c) => s.services.GetRequiredService<ApiTokens>().FindAsync(s.hash, c), ct);

    private async ValueTask<T?> GetAsync<TKey, T, TState>(ConcurrentDictionary<TKey, Entry<T>> map, TKey key, TState state,
        Func<TState, CancellationToken, Task<T?>> load, CancellationToken ct)
        where TKey : notnull
        where T : class
    {
        if (!Enabled)
            return await load(state, ct);
        if (map.TryGetValue(key, out var cached) && Fresh(cached.LoadedAt))
            return cached.Value;
        var generation = Volatile.Read(ref _generation);
        var loadedAt = clock.GetTimestamp();
        var value = await load(state, ct);
        if (value is null)
            return null;
        var entry = new Entry<T>(value, loadedAt);
        if (!map.ContainsKey(key) && map.Count >= _capacity)
            MakeRoom(map);
        map[key] = entry;
        // An eviction since the read began may have been for this very key: the value may predate the change, so it goes.
        if (Volatile.Read(ref _generation) != generation)
            map.TryRemove(KeyValuePair.Create(key, entry));
        return value;
    }

    private bool Fresh(long loadedAt) => clock.GetElapsedTime(loadedAt) < _maxAge;

    private void MakeRoom<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> map) where TKey : notnull
    {
        foreach (var (key, entry) in map)
        {
            if (!Fresh(entry.LoadedAt))
                map.TryRemove(KeyValuePair.Create(key, entry));
        }
        // Still full: a quarter goes, whichever (they are read again when next needed).
        var excess = map.Count - (_capacity * 3 / 4);
        foreach (var key in map.Keys)
        {
            if (excess-- <= 0)
                break;
            map.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets a user (every organisation they act for): their account or assignments changed.</summary>
    public void EvictUser(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _users.Keys)
        {
            if (key.User == userId)
                _users.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets a token: it was revoked (or otherwise changed).</summary>
    public void EvictToken(string hash)
    {
        Interlocked.Increment(ref _generation);
        _tokens.TryRemove(hash, out _);
    }

    /// <summary>Forgets every user: a role or an organisation changed, which may reach anyone's access.</summary>
    public void EvictAllUsers()
    {
        Interlocked.Increment(ref _generation);
        _users.Clear();
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _users.Clear();
        _tokens.Clear();
    }
}
