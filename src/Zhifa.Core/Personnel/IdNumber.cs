using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>
/// Citizen ID number (公民身份号码), GB 11643-1999: six digits of address, eight of birth date,
/// three of sequence and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class IdNumber
{
    public const int Length = 18;

    /// <summary>The most a client may send as an ID number (spaces and all); more is refused before it is read.</summary>
    public const int MaxInputLength = 32;
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly DateOnly EarliestBirth = new(1800, 1, 1);

    /// <summary>Trimmed, with a lower-case check character x made upper-case.</summary>
    public static string Normalize(string? input) => (input ?? "").Trim().ToUpperInvariant();

    /// <summary>Null when <paramref name="input"/> is a valid number of someone born by <paramref name="today"/>.</summary>
    public static Error? Check(string? input, DateOnly today)
    {
        var n = (input ?? "").AsSpan().Trim();
        if (n.Length != Length)
            return PersonnelErrors.IdNumberWrongLength(Length);
        if (n[..17].ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(n[17]) || n[17] is 'X' or 'x'))
            return PersonnelErrors.IdNumberNotDigits();
        // The birth date, yyyyMMdd (all digits by now).
        var year = Digits(n.Slice(6, 4));
        var month = Digits(n.Slice(10, 2));
        var day = Digits(n.Slice(12, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || new DateOnly(year, month, day) is var birth && (birth < EarliestBirth || birth > today))
            return PersonnelErrors.IdNumberBirthDateInvalid();
        if (CheckCharacter(n[..17]) != char.ToUpperInvariant(n[17]))
            return PersonnelErrors.IdNumberCheckDigitWrong();
        return null;
    }

    public static bool IsValid(string? input, DateOnly today) => Check(input, today) is null;

    /// <summary>Completes a 17-digit stem with its check character (demo data, tests).</summary>
    public static string WithCheck(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (stem.Length != 17 || !stem.All(char.IsAsciiDigit))
            throw new ArgumentException("An ID number stem is 17 digits.", nameof(stem));
        return stem + CheckCharacter(stem);
    }

    /// <summary>The form shown in lists: the first four and last four characters, 1409**********123X.</summary>
    public static string Mask(string? idNumber)
    {
        var n = Normalize(idNumber);
        return n.Length <= 8 ? new string('*', n.Length) : n[..4] + new string('*', n.Length - 8) + n[^4..];
    }

    /// <summary>A name for public pages (SXZD-MASK): 张三 → 张*, 王小明 → 王*明, 欧阳小明 → 欧**明.</summary>
    public static string MaskName(string? name)
    {
        var text = new StringInfo((name ?? "").Trim());
        var count = text.LengthInTextElements;
        return count switch
        {
            0 => "",
            1 => "*",
            2 => text.SubstringByTextElements(0, 1) + "*",
            _ => text.SubstringByTextElements(0, 1) + new string('*', count - 2) + text.SubstringByTextElements(count - 1, 1),
        };
    }

    /// <summary>
    /// A keyed hash (HMAC-SHA-256 with a secret pepper) of the normalised number, to find duplicates
    /// without decrypting. Keyed, because a plain hash of the ~10^11 plausible numbers is reversed in hours.
    /// </summary>
    public static string Hash(string idNumber, ReadOnlySpan<byte> pepper)
    {
        if (pepper.Length < 16)
            throw new ArgumentException("The ID number pepper must be a secret of at least 16 bytes.", nameof(pepper));
        return Convert.ToHexStringLower(HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes(Normalize(idNumber))));
    }

    /// <summary>
    /// The keyed hash of <see cref="Hash(string, ReadOnlySpan{byte})"/> with a hasher made once by <see cref="Hasher"/>
    /// (the key set up once, not per number): for imports that hash many numbers, one at a time.
    /// </summary>
    public static string Hash(string idNumber, IncrementalHash hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        hasher.AppendData(Encoding.UTF8.GetBytes(Normalize(idNumber)));
        Span<byte> hash = stackalloc byte[32];
        hasher.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>A reusable HMAC-SHA-256 with the pepper for <see cref="Hash(string, IncrementalHash)"/>; not thread-safe, dispose it.</summary>
    public static IncrementalHash Hasher(ReadOnlySpan<byte> pepper)
    {
        if (pepper.Length < 16)
            throw new ArgumentException("The ID number pepper must be a secret of at least 16 bytes.", nameof(pepper));
        return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, pepper);
    }

    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
            value = (value * 10) + (c - '0');
        return value;
    }

    private static char CheckCharacter(ReadOnlySpan<char> stem)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (stem[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}

/// <summary>
/// Reversible encryption of ID numbers at rest: <see cref="SuiteIdNumberProtector"/> writes with the configured suite
/// (ASP.NET Core data protection, in Web, or SM4 with <see cref="Sm4IdNumberProtector"/>) and reads either.
/// </summary>
public interface IIdNumberProtector
{
    string Protect(string idNumber);

    string Unprotect(string protectedIdNumber);
}

/// <summary>The three forms an officer's ID number is stored in; the plain number is never stored.</summary>
public sealed record StoredIdNumber(string Hash, string Protected, string Masked)
{
    public static Result<StoredIdNumber> Create(string? input, DateOnly today, IIdNumberProtector protector, ReadOnlySpan<byte> pepper)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (IdNumber.Check(input, today) is { } error)
            return error;
        var n = IdNumber.Normalize(input);
        return new StoredIdNumber(IdNumber.Hash(n, pepper), protector.Protect(n), IdNumber.Mask(n));
    }
}
