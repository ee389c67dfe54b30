using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Identity;

/// <summary>Where a sign-in comes from, for the login log.</summary>
public sealed record SignInOrigin(string? Address, string? UserAgent, string Channel);

public sealed record SignInOutcome(Guid UserId, string UserName, string SecurityStamp, bool MustChangePassword, bool PasswordExpired);

/// <summary>
/// Checks a user name and password: the account must exist, be active and not locked; the attempt
/// that reaches the failure limit locks the account. Every attempt goes to the login log.
/// </summary>
public sealed class SignIn(ZhifaDbContext db, PasswordHasher hasher, SecurityOptions options, TimeProvider clock)
{
    /// <summary>Compared against when the user does not exist, so timing does not tell which names exist.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher(new SecurityOptions { PasswordIterations = 210_000 }).Hash("decoy"));

    public async Task<Result<SignInOutcome>> ExecuteAsync(string userName, string password, SignInOrigin origin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = User.Normalize(userName);
        if (name.Length == 0 || name.Length > User.MaxUserNameLength)
            return IdentityErrors.UserNameRequired();

        var since = now.AddMinutes(-1);
        if (await db.LoginLog.Unscoped("sign-in throttling counts every attempt before anyone is signed in").CountAsync(l => l.UserName == name && l.At > since, ct) >= options.AccountAttemptsPerMinute)
            return await FailAsync(name, null, origin, "login.throttled", IdentityErrors.SignInThrottled(), ct);

        var user = await db.Users.Unscoped("sign-in reads the account before anyone is signed in").FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null)
        {
            hasher.Verify(password ?? "", DecoyHash.Value);
            return await FailAsync(name, null, origin, "login.bad_credentials", IdentityErrors.BadCredentials(), ct);
        }
        if (!user.IsActive)
            return await FailAsync(name, user, origin, "login.inactive", IdentityErrors.AccountInactive(), ct);
        if (user.IsLockedAt(now))
            return await FailAsync(name, user, origin, "login.locked", IdentityErrors.AccountLocked(MinutesLeft(user, now)), ct);
        if (!hasher.Verify(password ?? "", user.PasswordHash))
        {
            var lockedNow = user.RecordFailure(now, options.MaxFailedAttempts, TimeSpan.FromMinutes(options.LockoutMinutes));
            return lockedNow
                ? await FailAsync(name, user, origin, "login.locked_now", IdentityErrors.AccountLocked(MinutesLeft(user, now)), ct)
                : await FailAsync(name, user, origin, "login.bad_credentials", IdentityErrors.BadCredentials(), ct);
        }

        user.RecordSignIn(now);
        db.LoginLog.Add(new LoginLogEntry(Guid.CreateVersion7(now), now, name, user.Id, user.OrganizationId, origin.Address, origin.UserAgent, true, "login.ok", origin.Channel));
        await db.SaveChangesAsync(ct);
        var expired = options.PasswordExpiryDays > 0 && user.PasswordChangedAt.AddDays(options.PasswordExpiryDays) <= now;
        return new SignInOutcome(user.Id, user.UserName, user.SecurityStamp, user.MustChangePassword, expired);
    }

    private static int MinutesLeft(User user, DateTime now) => (int)Math.Ceiling((user.LockedUntil!.Value - now).TotalMinutes);

    private async Task<Result<SignInOutcome>> FailAsync(string name, User? user, SignInOrigin origin, string outcome, Error error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.LoginLog.Add(new LoginLogEntry(Guid.CreateVersion7(now), now, name, user?.Id, user?.OrganizationId, origin.Address, origin.UserAgent, false, outcome, origin.Channel));
        await db.SaveChangesAsync(ct);
        return error;
    }
}

/// <summary>Records a failed use of a bearer token (unknown, expired, revoked) in the login log.</summary>
public sealed class LogTokenFailure(ZhifaDbContext db, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid? userId, string outcome, SignInOrigin origin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = userId is { } id ? await db.Users.Unscoped("a failed sign-in is logged before anyone is signed in").AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        db.LoginLog.Add(new LoginLogEntry(Guid.CreateVersion7(now), now, user?.UserName ?? "(token)", user?.Id, user?.OrganizationId, origin.Address, origin.UserAgent, false, outcome, origin.Channel));
        await db.SaveChangesAsync(ct);
    }
}

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>A user changes their own password (also the forced change after the initial one).</summary>
public sealed class ChangePassword(ZhifaDbContext db, PasswordHasher hasher, SecurityOptions options, TimeProvider clock)
{
    public async Task<Result<string>> ExecuteAsync(Guid userId, ChangePasswordRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await db.Users.Unscoped("the signed-in user changes their own password, whatever their scope").FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        if (!hasher.Verify(request.CurrentPassword ?? "", user.PasswordHash))
            return IdentityErrors.CurrentPasswordWrong();
        if (options.CheckPassword(request.NewPassword, user.UserName, "newPassword") is { } problems)
            return problems;
        if (hasher.Verify(request.NewPassword, user.PasswordHash))
            return IdentityErrors.PasswordUnchanged();
        user.SetPassword(hasher.Hash(request.NewPassword), mustChange: false, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return user.SecurityStamp;
    }
}
