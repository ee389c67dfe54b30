using Zhifa.Core.Common;

namespace Zhifa.Core.Parties;

/// <summary>
/// The unified social credit code (统一社会信用代码) of a party, GB 32100-2015: 18 characters of the code's alphabet (digits and
/// upper-case letters without I, O, S, V, Z), the last a check character — 31 minus the weighted sum of the first 17 modulo 31,
/// with the weights 3^i mod 31. Says which of the three is wrong, so the form can tell the user.
/// </summary>
public static class PartyCreditCode
{
    public const int Length = 18;
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    /// <summary>Trimmed and upper-case: codes are typed in lower case on phones.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Null when <paramref name="code"/> is a well-formed code with the right check character.</summary>
    public static ValidationError? Check(string? code, string field = "creditCode")
    {
        var c = Normalize(code);
        if (c.Length != Length)
            return PartyErrors.CreditCodeLength(field);
        if (c.AsSpan().ContainsAnyExcept(AlphabetValues))
            return PartyErrors.CreditCodeCharacters(field);
        return CheckCharacter(c.AsSpan(0, Length - 1)) == c[^1] ? null : PartyErrors.CreditCodeCheck(field);
    }

    public static bool IsValid(string? code) => Check(code) is null;

    /// <summary>The check character of a 17-character stem of the alphabet.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> stem)
    {
        if (stem.Length != Length - 1)
            throw new ArgumentException("A credit code stem is 17 characters.", nameof(stem));
        var sum = 0;
        for (var i = 0; i < stem.Length; i++)
        {
            var value = ValueOf(stem[i]);
            if (value < 0)
                throw new ArgumentException("A credit code stem is of the GB 32100 alphabet.", nameof(stem));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    private static readonly sbyte[] Values = MakeValues();

    /// <summary>The value of a character of the alphabet (its position), -1 for any other character.</summary>
    public static int ValueOf(char c) => c < Values.Length ? Values[c] : -1;

    private static sbyte[] MakeValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
            values[Alphabet[i]] = (sbyte)i;
        return values;
    }

    /// <summary>Completes a 17-character stem with its check character (demo data, tests).</summary>
    public static string WithCheck(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        return stem + CheckCharacter(stem);
    }
}
