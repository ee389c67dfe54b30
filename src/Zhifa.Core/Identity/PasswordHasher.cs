using System.Globalization;
using System.Security.Cryptography;
using Zhifa.Core.Common;

namespace Zhifa.Core.Identity;

/// <summary>
/// Slow salted password hashes: PBKDF2 with HMAC-SHA512, a 16-byte random salt per password and
/// 210,000 iterations by default (configurable). Stored as <c>pbkdf2-sha512$iterations$salt$hash</c>,
/// so the cost can rise later without breaking old hashes.
/// </summary>
public sealed class PasswordHasher(SecurityOptions options)
{
    private const string Scheme = "pbkdf2-sha512";

    /// <summary>A hash of no one's password at the configured cost: what a sign-in with an unknown name is checked against.</summary>
    private readonly Lazy<string> _decoy = new(() => new PasswordHasher(options).Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var iterations = options.PasswordIterations;
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, 32);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Takes as long as verifying a real password and is always false.</summary>
    public bool VerifyDecoy(string password)
    {
        _ = Verify(password, _decoy.Value);
        return false;
    }

    public bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (stored ?? "").Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
            return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}

/// <summary>Configuration section <c>Zhifa:Security</c>: password policy and sessions (等保 level 3 expectations by default).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Zhifa:Security";

    public int PasswordMinLength { get; set; } = 8;

    /// <summary>The longest password accepted, new or to check: a bound on the work of one hash.</summary>
    public const int PasswordMaxLength = 128;

    /// <summary>How many of the four classes (upper case, lower case, digits, symbols) a password needs.</summary>
    public int PasswordRequiredClasses { get; set; } = 3;

    public int PasswordIterations { get; set; } = 210_000;
    public int MaxFailedAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 10;

    /// <summary>Days after which a password must be changed; 0 turns expiry off.</summary>
    public int PasswordExpiryDays { get; set; }

    /// <summary>Sign-in sessions end after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    public int TokenLifetimeDays { get; set; } = 90;

    /// <summary>
    /// How long a node keeps a caller's access, security stamp and token before reading them again (<see cref="AccessCache"/>).
    /// Changes made on the node itself take effect at once; this bounds how long another node of the deployment may still act
    /// on access that was withdrawn (a deactivated account, a revoked token, a role taken away). 0 turns the cache off.
    /// </summary>
    public int AccessCacheSeconds { get; set; } = 30;

    /// <summary>How many callers (and as many tokens) a node keeps in its <see cref="AccessCache"/>.</summary>
    public int AccessCacheEntries { get; set; } = 10_000;

    /// <summary>Sign-in attempts per account per minute before further attempts are refused (on top of the lockout).</summary>
    public int AccountAttemptsPerMinute { get; set; } = 10;

    /// <summary>Sign-in requests per address per minute.</summary>
    public int AddressAttemptsPerMinute { get; set; } = 30;

    /// <summary>Every field-level error of a proposed password, reported on <paramref name="field"/>; null when it is acceptable.</summary>
    public ValidationError? CheckPassword(string? password, string userName, string field)
    {
        var errors = new ValidationBuilder();
        password ??= "";
        if (password.Length < PasswordMinLength)
            errors.Add(IdentityErrors.PasswordTooShort(PasswordMinLength, field));
        if (password.Length > PasswordMaxLength)
            errors.Add(IdentityErrors.PasswordTooLong(PasswordMaxLength, field));
        var classes = new[] { password.Any(char.IsAsciiLetterUpper), password.Any(char.IsAsciiLetterLower), password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)) }.Count(x => x);
        if (classes < PasswordRequiredClasses)
            errors.Add(IdentityErrors.PasswordTooSimple(PasswordRequiredClasses, field));
        if (userName.Length > 0 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            errors.Add(IdentityErrors.PasswordContainsUserName(field));
        return errors.Build();
    }
}
