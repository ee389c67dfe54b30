using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Identity;

public sealed record IssuedToken(Guid Id, string Token, string Name, DateTime ExpiresAt);

public sealed record ApiTokenDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>Bearer tokens for API and mobile clients: issued once in clear, stored as a hash, revocable.</summary>
public sealed class ApiTokens(ZhifaDbContext db, SecurityOptions options, TimeProvider clock)
{
    public const string TokenPrefix = "zf_";

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public const int MaxNameLength = 100;

    /// <summary>The wrong field of a token's name, if it is wrong.</summary>
    public static ValidationError? CheckName(string? name) => name is not null && name.Trim().Length > MaxNameLength ? IdentityErrors.TokenNameTooLong() : null;

    public async Task<Result<IssuedToken>> IssueAsync(Guid userId, string? name, CancellationToken ct = default)
    {
        if (CheckName(name) is { } wrong)
            return wrong;
        var label = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiToken(Guid.CreateVersion7(now), userId, label, HashOf(token), token[..10], now, now.AddDays(options.TokenLifetimeDays));
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(entity.Id, token, label, entity.ExpiresAt);
    }

    /// <summary>Revokes one of the user's own tokens; a token already revoked is refused (<see cref="ApiTokenWorkflow"/>).</summary>
    public async Task<Result<Guid>> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
            return IdentityErrors.TokenNotFound();
        if (token.Revoke(clock.GetUtcNow().UtcDateTime) is { } refused)
            return refused;
        await db.SaveChangesAsync(ct);
        return token.Id;
    }

    public async Task<IReadOnlyList<ApiTokenDto>> ListAsync(Guid userId, CancellationToken ct = default) =>
        (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToList();

    /// <summary>The token of a hash as the database holds it now, or null.</summary>
    public async Task<CachedToken?> FindAsync(string hash, CancellationToken ct = default) =>
        await db.ApiTokens.Unscoped("token sign-in reads the presented token before anyone is signed in").AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new CachedToken(t.Id, t.UserId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>Writes the time of a token's use (<see cref="TokenAuthentication"/> decides when).</summary>
    public async Task RecordUseAsync(Guid tokenId, DateTime now, CancellationToken ct = default)
    {
        if (await db.ApiTokens.Unscoped("token sign-in records the use of the presented token before anyone is signed in")
                .FirstOrDefaultAsync(t => t.Id == tokenId, ct) is { } token)
        {
            token.Used(now);
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Which user a presented bearer token stands for, from the node's <see cref="AccessCache"/> (the database on a miss). The
/// expiry is compared with the clock on every request, cached or not; the last use is written at most every
/// <see cref="UseRecordedEvery"/>.
/// </summary>
public sealed class TokenAuthentication(AccessCache cache, TimeProvider clock)
{
    /// <summary>A token's last use is written at most this often (not on every request).</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(5);

    /// <summary>The user and token a presented token stands for, or why it does not stand for anyone.</summary>
    /// <param name="services">The request's services: the database context is taken from them only when needed.</param>
    public async ValueTask<(Guid? UserId, Guid? TokenId, UnauthorizedError? Failure)> AuthenticateAsync(string token, IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var found = await cache.TokenAsync(ApiTokens.HashOf(token ?? ""), services, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null)
            return (null, null, IdentityErrors.TokenUnknown());
        if (found.RevokedAt is not null)
            return (found.UserId, found.Id, IdentityErrors.TokenRevoked());
        if (found.ExpiresAt <= now)
            return (found.UserId, found.Id, IdentityErrors.TokenExpired());
        if (found.ClaimUse(now, UseRecordedEvery))
            await services.GetRequiredService<ApiTokens>().RecordUseAsync(found.Id, now, ct);
        return (found.UserId, found.Id, null);
    }
}
