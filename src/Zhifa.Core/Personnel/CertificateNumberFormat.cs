using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>The parts of a certificate number; <see cref="Region"/> and <see cref="Year"/> are null when the pattern has none.</summary>
public sealed record CertificateNumberParts(string? Region, int? Year, int Sequence);

/// <summary>
/// A region's pattern for certificate numbers: literal text and the tokens {regionN} (the first N
/// digits of the region code), {year4} or {year2}, and exactly one {seqN} (N digits, zero-padded).
/// The default {region6}{year4}{seq5} gives 140981 2026 00001 → 140981202600001. The sequence runs
/// per region prefix and, when the pattern has a year, per year.
/// </summary>
public sealed partial class CertificateNumberFormat
{
    public const string DefaultPattern = "{region6}{year4}{seq5}";
    public const int MaxPatternLength = 60;

    private readonly int _regionDigits;
    private readonly int _yearDigits;
    private readonly int _sequenceDigits;
    private readonly Regex _parser;

    private CertificateNumberFormat(string pattern, int regionDigits, int yearDigits, int sequenceDigits, Regex parser)
    {
        Pattern = pattern;
        _regionDigits = regionDigits;
        _yearDigits = yearDigits;
        _sequenceDigits = sequenceDigits;
        _parser = parser;
    }

    public string Pattern { get; }

    /// <summary>Compiles a pattern an administrator entered; its literal letters are made upper-case, like numbers.</summary>
    public static Result<CertificateNumberFormat> Create(string? pattern)
    {
        var invalid = PersonnelErrors.CertificateNumberPatternInvalid();
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Trim().Length > MaxPatternLength)
            return invalid;
        pattern = pattern.Trim();
        var digits = new Dictionary<string, int>(StringComparer.Ordinal);
        var normalized = new StringBuilder();
        var regex = new StringBuilder("^");
        var at = 0;
        foreach (Match token in Token().Matches(pattern))
        {
            if (!AppendLiteral(pattern[at..token.Index]))
                return invalid;
            at = token.Index + token.Length;
            var name = token.Groups["name"].Value;
            var n = int.Parse(token.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (!digits.TryAdd(name, n) || n is < 1 or > 9 || (name == "year" && n is not (2 or 4)))
                return invalid;
            normalized.Append(token.Value);
            regex.Append(CultureInfo.InvariantCulture, $"(?<{name}>[0-9]{{{n}}})");
        }
        if (!AppendLiteral(pattern[at..]) || !digits.ContainsKey("seq"))
            return invalid;
        var parser = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return new CertificateNumberFormat(
            normalized.ToString(), digits.GetValueOrDefault("region"), digits.GetValueOrDefault("year"), digits["seq"], parser);

        bool AppendLiteral(string literal)
        {
            literal = literal.ToUpperInvariant();
            normalized.Append(literal);
            regex.Append(Regex.Escape(literal));
            return !literal.Contains('{', StringComparison.Ordinal) && !literal.Contains('}', StringComparison.Ordinal);
        }
    }

    /// <summary>The format of a region's settings, which were validated when saved.</summary>
    public static CertificateNumberFormat Of(PersonnelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var format = Create(settings.CertificateNumberPattern);
        return format.IsSuccess ? format.Value
            : throw new InvalidOperationException($"Invalid certificate number pattern '{settings.CertificateNumberPattern}'.");
    }

    /// <summary>Normalised as entered: trimmed, letters upper-case.</summary>
    public static string Normalize(string? number) => (number ?? "").Trim().ToUpperInvariant();

    public string Format(string regionCode, int year, int sequence)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length < _regionDigits)
            throw new ArgumentException($"The pattern needs {_regionDigits} digits of region code.", nameof(regionCode));
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return Token().Replace(Pattern, m => m.Groups["name"].Value switch
        {
            "region" => regionCode[.._regionDigits],
            "year" => (year % (_yearDigits == 2 ? 100 : 10000)).ToString(new string('0', _yearDigits), CultureInfo.InvariantCulture),
            _ => sequence.ToString(new string('0', _sequenceDigits), CultureInfo.InvariantCulture),
        });
    }

    /// <summary>The parts of a number written in this format, or null when it is not.</summary>
    public CertificateNumberParts? Parse(string? number)
    {
        var match = _parser.Match(Normalize(number));
        if (!match.Success)
            return null;
        var year = match.Groups["year"] is { Success: true } y ? int.Parse(y.Value, CultureInfo.InvariantCulture) : (int?)null;
        return new CertificateNumberParts(
            match.Groups["region"] is { Success: true } r ? r.Value : null,
            _yearDigits == 2 ? 2000 + year : year,
            int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Whether a number of this format carries the region's code (always, when the pattern has no region).</summary>
    public bool BelongsTo(CertificateNumberParts parts, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(regionCode);
        return parts.Region is null || (regionCode.Length >= _regionDigits && parts.Region == regionCode[.._regionDigits]);
    }

    /// <summary>The number after the highest of <paramref name="existingNumbers"/> of the same region and year.</summary>
    public Result<string> Next(string regionCode, int year, IEnumerable<string> existingNumbers)
    {
        ArgumentNullException.ThrowIfNull(existingNumbers);
        var last = existingNumbers.Select(Parse)
            .Where(p => p is not null && BelongsTo(p, regionCode) && (p.Year is null || p.Year == year))
            .Select(p => p!.Sequence).DefaultIfEmpty(0).Max();
        if (last >= MaxSequence)
            return PersonnelErrors.CertificateNumberSequenceExhausted(Pattern);
        return Format(regionCode, year, last + 1);
    }

    private int MaxSequence => (int)Math.Pow(10, _sequenceDigits) - 1;

    [GeneratedRegex("""\{(?<name>region|year|seq)(?<n>[0-9]{1,2})\}""", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
