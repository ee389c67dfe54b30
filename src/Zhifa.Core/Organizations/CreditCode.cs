namespace Zhifa.Core.Organizations;

/// <summary>Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check character.</summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static bool IsValid(string? code)
    {
        var c = Normalize(code);
        if (c.Length != 18 || c.Any(ch => !Alphabet.Contains(ch, StringComparison.Ordinal)))
            return false;
        return Alphabet[CheckIndex(c.AsSpan(0, 17))] == c[17];
    }

    /// <summary>Completes a 17-character stem with its check character.</summary>
    public static string WithCheck(string stem)
    {
        if (stem.Length != 17 || stem.Any(ch => !Alphabet.Contains(ch, StringComparison.Ordinal)))
            throw new ArgumentException("A credit code stem is 17 characters of the GB 32100 alphabet.", nameof(stem));
        return stem + Alphabet[CheckIndex(stem)];
    }

    private static int CheckIndex(ReadOnlySpan<char> stem)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(stem[i], StringComparison.Ordinal) * Weights[i];
        var check = 31 - (sum % 31);
        return check == 31 ? 0 : check;
    }
}
