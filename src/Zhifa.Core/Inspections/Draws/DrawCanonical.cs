using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zhifa.Core.Inspections.Draws;

/// <summary>
/// A draw's inputs checked and in canonical form: lists sorted by key (ordinal), exclusions sorted and listed once,
/// ratios sorted by grade. The canonical texts hashed by <see cref="VerifiableDraw"/> are built from this alone.
/// </summary>
internal sealed record CanonicalDraw(
    IReadOnlyList<DrawSubject> Subjects,
    IReadOnlyList<DrawInspector> Inspectors,
    IReadOnlyList<KeyValuePair<string, decimal>> Ratios,
    int InspectorsPerSubject,
    bool OrderOnly,
    IReadOnlyList<DrawExclusion> Conflicts,
    IReadOnlyList<DrawExclusion> PreviousPairings,
    string BodySecret,
    string SupervisorValue,
    int Version)
{
    /// <summary>The fewest characters a body secret may have: a guessable secret would let the bureau choose the seed.</summary>
    public const int MinSecretLength = 16;

    /// <summary>The most decimal places a ratio may have: with them, count × ratio / 100 is exact in <see cref="decimal"/>.</summary>
    public const int MaxPercentDecimals = 6;

    /// <summary>UTF-8 that refuses lone surrogates instead of replacing them, so two different keys never hash alike.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CanonicalDraw Of(DrawInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(inputs.Parameters, nameof(inputs));
        ArgumentNullException.ThrowIfNull(inputs.Parameters.RatioPercentByGrade, nameof(inputs));
        if (inputs.AlgorithmVersion != VerifiableDraw.CurrentVersion)
            throw new ArgumentException($"Draw algorithm version {inputs.AlgorithmVersion} is not known; this is version {VerifiableDraw.CurrentVersion}.", nameof(inputs));
        if (inputs.Parameters.InspectorsPerSubject < 2)
            throw new ArgumentException($"SSJ-DRAW: at least 2 inspectors go to each subject, not {inputs.Parameters.InspectorsPerSubject}.", nameof(inputs));

        var ratios = new List<KeyValuePair<string, decimal>>();
        foreach (var (grade, percent) in inputs.Parameters.RatioPercentByGrade)
        {
            CheckText(grade, "A grade in the ratios", allowEmpty: true);
            if (percent < 0)
                throw new ArgumentException($"The ratio of grade \"{grade}\" is negative ({percent}).", nameof(inputs));
            CheckPercentDecimals(percent);
            ratios.Add(new(grade, percent));
        }
        ratios.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

        CheckSecret(inputs.BodySecret);
        CheckText(inputs.SupervisorValue, "The supervising bureau's value", allowEmpty: false);

        return new CanonicalDraw(
            SortSubjects(inputs.Subjects),
            SortInspectors(inputs.Inspectors),
            ratios,
            inputs.Parameters.InspectorsPerSubject,
            inputs.Parameters.OrderOnly,
            Exclusions(inputs.Conflicts, "conflict"),
            Exclusions(inputs.PreviousPairings, "previous pairing"),
            inputs.BodySecret,
            inputs.SupervisorValue,
            inputs.AlgorithmVersion);
    }

    public static DrawSubject[] SortSubjects(IEnumerable<DrawSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var sorted = subjects.ToArray();
        foreach (var s in sorted)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(subjects));
            CheckText(s.Key, "A subject key", allowEmpty: false);
            CheckText(s.Grade, $"The grade of subject \"{s.Key}\"", allowEmpty: true);
        }
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        CheckUnique(sorted.Select(s => s.Key), "subject");
        return sorted;
    }

    public static DrawInspector[] SortInspectors(IEnumerable<DrawInspector> inspectors)
    {
        ArgumentNullException.ThrowIfNull(inspectors);
        var sorted = inspectors.ToArray();
        foreach (var i in sorted)
        {
            ArgumentNullException.ThrowIfNull(i, nameof(inspectors));
            CheckText(i.Key, "An inspector key", allowEmpty: false);
        }
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        CheckUnique(sorted.Select(i => i.Key), "inspector");
        return sorted;
    }

    public static void CheckSecret(string secret)
    {
        CheckText(secret, "The body's secret", allowEmpty: false);
        if (secret.Length < MinSecretLength)
            throw new ArgumentException($"The body's secret has {secret.Length} characters; it needs at least {MinSecretLength} so that nobody can guess it from its commitment.");
    }

    /// <summary><c>key\tgrade\n</c> per subject.</summary>
    public static string SubjectsText(IEnumerable<DrawSubject> sorted) =>
        string.Concat(sorted.Select(s => $"{s.Key}\t{s.Grade}\n"));

    /// <summary><c>key\n</c> per inspector.</summary>
    public static string InspectorsText(IEnumerable<DrawInspector> sorted) =>
        string.Concat(sorted.Select(i => $"{i.Key}\n"));

    public string InputsText(string subjectsHash, string inspectorsHash)
    {
        var text = new StringBuilder();
        text.Append("zhifa-ssj-draw-inputs\n");
        text.Append(CultureInfo.InvariantCulture, $"version\t{Version}\n");
        text.Append(CultureInfo.InvariantCulture, $"subjects\t{subjectsHash}\n");
        text.Append(CultureInfo.InvariantCulture, $"inspectors\t{inspectorsHash}\n");
        text.Append(CultureInfo.InvariantCulture, $"inspectorsPerSubject\t{InspectorsPerSubject}\n");
        text.Append(OrderOnly ? "orderOnly\ttrue\n" : "orderOnly\tfalse\n");
        foreach (var (grade, percent) in Ratios)
            text.Append(CultureInfo.InvariantCulture, $"ratio\t{grade}\t{Percent(percent)}\n");
        foreach (var c in Conflicts)
            text.Append(CultureInfo.InvariantCulture, $"conflict\t{c.InspectorKey}\t{c.SubjectKey}\n");
        foreach (var p in PreviousPairings)
            text.Append(CultureInfo.InvariantCulture, $"previous\t{p.InspectorKey}\t{p.SubjectKey}\n");
        return text.ToString();
    }

    public string SeedText(string inputsHash) =>
        string.Create(CultureInfo.InvariantCulture, $"zhifa-ssj-draw-seed\n{Version}\n{inputsHash}\n{BodySecret}\n{SupervisorValue}\n");

    public static string CommitmentText(string secret) => $"zhifa-ssj-draw-commitment\n{secret}\n";

    /// <summary><c>order\tsubjectKey</c>, then <c>\tinspectorKey</c> per inspector in the order drawn, then <c>\n</c>, per assignment.</summary>
    public static string ResultText(IEnumerable<DrawAssignment> assignments)
    {
        var text = new StringBuilder();
        foreach (var a in assignments)
        {
            text.Append(CultureInfo.InvariantCulture, $"{a.Order}\t{a.SubjectKey}");
            foreach (var i in a.InspectorKeys)
                text.Append('\t').Append(i);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A percentage as invariant text without exponent or trailing zeros: 3, 3.0 and 3.00 are all "3"; 12.50 is "12.5".</summary>
    public static string Percent(decimal percent)
    {
        if (percent == 0)
            return "0";
        var text = percent.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    public static void CheckPercentDecimals(decimal percent)
    {
        var text = Percent(percent);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && text.Length - point - 1 > MaxPercentDecimals)
            throw new ArgumentException($"The ratio {text}% has more than {MaxPercentDecimals} decimal places.", nameof(percent));
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Utf8.GetBytes(text)));

    private static DrawExclusion[] Exclusions(IEnumerable<DrawExclusion> exclusions, string what)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        var list = new List<DrawExclusion>();
        foreach (var e in exclusions)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(exclusions));
            CheckText(e.InspectorKey, $"The inspector of a {what}", allowEmpty: false);
            CheckText(e.SubjectKey, $"The subject of a {what}", allowEmpty: false);
            list.Add(e);
        }
        return list.Distinct()
            .OrderBy(e => e.InspectorKey, StringComparer.Ordinal).ThenBy(e => e.SubjectKey, StringComparer.Ordinal)
            .ToArray();
    }

    private static void CheckUnique(IEnumerable<string> sortedKeys, string what)
    {
        string? previous = null;
        foreach (var key in sortedKeys)
        {
            if (key == previous)
                throw new ArgumentException($"The {what} \"{key}\" is listed twice.");
            previous = key;
        }
    }

    private static void CheckText(string? text, string what, bool allowEmpty)
    {
        if (text is null)
            throw new ArgumentException($"{what} is missing.");
        if (!allowEmpty && text.Length == 0)
            throw new ArgumentException($"{what} is empty.");
        if (text.Any(char.IsControl))
            throw new ArgumentException($"{what} contains a control character (tab, line feed…).");
        if (text.Any(char.IsSurrogate) && !IsWellFormed(text))
            throw new ArgumentException($"{what} contains a lone surrogate.");
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }
}
