using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Identity;

/// <summary>Where a sign-in comes from, for the login log.</summary>
public sealed record SignInOrigin(string? Address, string? UserAgent, string Channel);

public sealed record SignInOutcome(Guid UserId, string UserName, string SecurityStamp, bool MustChangePassword, bool PasswordExpired);

/// <param name="NewPassword">
/// Set, it replaces the password in the same step once the current one is verified: how a client without a session
/// (a bearer-token client) completes the forced change of an initial or expired password.
/// </param>
public sealed record SignInRequest(string? UserName, string? Password, string? NewPassword = null);

/// <summary>
/// Checks a user name and password: the account must exist, be active and not locked; the attempt that reaches the
/// failure limit locks the account. Every attempt goes to the login log with its true outcome, but the caller learns
/// only "signed in" or one generic refusal: an unknown name, a wrong password, a locked and a deactivated account
/// answer alike, and each costs one password-hash verification, so neither the answer nor its time tells which names
/// exist or whether a guess during a lockout was right.
/// </summary>
public sealed class SignIn(ZhifaDbContext db, PasswordHasher hasher, SecurityOptions options, TimeProvider clock)
{
    public Task<Result<SignInOutcome>> ExecuteAsync(string userName, string password, SignInOrigin origin, CancellationToken ct = default) =>
        ExecuteAsync(new SignInRequest(userName, password), origin, ct);

    public async Task<Result<SignInOutcome>> ExecuteAsync(SignInRequest request, SignInOrigin origin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = User.Normalize(request.UserName ?? "");
        var password = request.Password ?? "";

        // Wrong fields, all at once and before anything is looked up: they say nothing about any account.
        var errors = new ValidationBuilder();
        if (name.Length == 0)
            errors.Add(IdentityErrors.UserNameRequired());
        if (password.Length == 0)
            errors.Add(IdentityErrors.PasswordRequired());
        else if (password.Length > SecurityOptions.PasswordMaxLength)
            errors.Add(IdentityErrors.PasswordTooLong(SecurityOptions.PasswordMaxLength, "password"));
        if (request.NewPassword is not null)
            errors.Add(options.CheckPassword(request.NewPassword, name, "newPassword"));
        if (errors.Build() is { } wrong)
            return wrong;

        // A name longer than any account's cannot exist: it is an unknown name like any other.
        var user = name.Length > User.MaxUserNameLength ? null
            : await db.Users.Unscoped("sign-in reads the account before anyone is signed in").FirstOrDefaultAsync(u => u.UserName == name, ct);
        var since = now.AddMinutes(-1);
        var logged = LoginLogEntry.Bounded(name);
        if (await db.LoginLog.Unscoped("sign-in throttling counts every attempt before anyone is signed in").CountAsync(l => l.UserName == logged && l.At > since, ct) >= options.AccountAttemptsPerMinute)
            return await FailAsync(name, user, origin, "login.throttled", IdentityErrors.SignInThrottled(), ct);
        // One verification whatever the case, against the account's hash or a decoy of the configured cost.
        var verified = user is null ? hasher.VerifyDecoy(password) : hasher.Verify(password, user.PasswordHash);
        var refused = IdentityErrors.BadCredentials(options.MaxFailedAttempts, options.LockoutMinutes);
        if (user is null)
            return await FailAsync(name, null, origin, "login.unknown_user", refused, ct);
        if (!user.IsActive)
            return await FailAsync(name, user, origin, "login.inactive", refused, ct);
        if (user.IsLockedAt(now))
            return await FailAsync(name, user, origin, "login.locked", refused, ct);
        if (!verified)
        {
            var lockedNow = user.RecordFailure(now, options.MaxFailedAttempts, TimeSpan.FromMinutes(options.LockoutMinutes));
            return await FailAsync(name, user, origin, lockedNow ? "login.locked_now" : "login.bad_credentials", refused, ct);
        }

        var outcome = "login.ok";
        if (request.NewPassword is { } newPassword)
        {
            // The credentials are right: not a failure, but nothing is signed in with a password that does not change.
            if (hasher.Verify(newPassword, user.PasswordHash))
                return await FailAsync(name, user, origin, "login.password_unchanged", IdentityErrors.PasswordUnchanged(), ct);
            user.SetPassword(hasher.Hash(newPassword), mustChange: false, now);
            outcome = "login.password_changed";
        }
        user.RecordSignIn(now);
        db.LoginLog.Add(new LoginLogEntry(Guid.CreateVersion7(now), now, name, user.Id, user.OrganizationId, origin.Address, origin.UserAgent, true, outcome, origin.Channel));
        await db.SaveChangesAsync(ct);
        var expired = options.PasswordExpiryDays > 0 && user.PasswordChangedAt.AddDays(options.PasswordExpiryDays) <= now;
        return new SignInOutcome(user.Id, user.UserName, user.SecurityStamp, user.MustChangePassword, expired);
    }

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

public sealed record ChangePasswordRequest([MaxLength(SecurityOptions.PasswordMaxLength)] string CurrentPassword, [MaxLength(SecurityOptions.PasswordMaxLength)] string NewPassword);

/// <summary>A user changes their own password (also the forced change after the initial one).</summary>
public sealed class ChangePassword(ZhifaDbContext db, PasswordHasher hasher, SecurityOptions options, TimeProvider clock)
{
    public async Task<Result<string>> ExecuteAsync(Guid userId, ChangePasswordRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await db.Users.Unscoped("the signed-in user changes their own password, whatever their scope").FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        // Every wrong field at once: the current password and each rule the new one breaks.
        var errors = new ValidationBuilder();
        if (!hasher.Verify(request.CurrentPassword ?? "", user.PasswordHash))
            errors.Add(IdentityErrors.CurrentPasswordWrong());
        errors.Add(options.CheckPassword(request.NewPassword, user.UserName, "newPassword"));
        if (errors.Build() is { } problems)
            return problems;
        if (hasher.Verify(request.NewPassword, user.PasswordHash))
            return IdentityErrors.PasswordUnchanged();
        user.SetPassword(hasher.Hash(request.NewPassword), mustChange: false, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return user.SecurityStamp;
    }
}
