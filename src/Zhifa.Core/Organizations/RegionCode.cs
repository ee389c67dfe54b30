using System.Collections.Frozen;

namespace Zhifa.Core.Organizations;

/// <summary>
/// Administrative division codes: six digits of GB/T 2260 for province, city and county
/// (province xx0000, city xxyy00, county xxyyzz), nine digits of GB/T 10114 for townships
/// (the county's six digits and three more).
/// </summary>
public static class RegionCode
{
    private static readonly FrozenSet<string> ProvincePrefixes = new[]
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The level a well-formed code denotes, or null when the code is malformed.</summary>
    public static RegionLevel? LevelOf(string? code)
    {
        if (code is null || !code.All(char.IsAsciiDigit))
            return null;
        if (code.Length == 9)
            return code.EndsWith("000", StringComparison.Ordinal) || LevelOf(code[..6]) != RegionLevel.County ? null : RegionLevel.Township;
        if (code.Length != 6 || !ProvincePrefixes.Contains(code[..2]))
            return null;
        if (code[2..] == "0000")
            return RegionLevel.Province;
        if (code[4..] == "00")
            return RegionLevel.City;
        return RegionLevel.County;
    }

    /// <summary>The digits a child's code must start with: province 2, city 4, county 6.</summary>
    public static string SignificantPrefix(string code, RegionLevel level) => level switch
    {
        RegionLevel.Province => code[..2],
        RegionLevel.City => code[..4],
        RegionLevel.County => code[..6],
        _ => code,
    };
}
