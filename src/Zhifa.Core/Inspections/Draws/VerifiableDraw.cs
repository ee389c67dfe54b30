using System.Security.Cryptography;

namespace Zhifa.Core.Inspections.Draws;

/// <summary>
/// The verifiable 双随机 draw (SSJ-DRAW, SSJ-RATIO): which subjects are inspected, in what order, by which inspectors.
/// A pure function of its inputs that anyone can re-run from the published document (<see cref="ToPublishedJson"/>),
/// and whose seed neither the enforcement body nor the supervising bureau can choose alone: the body commits to its
/// secret before the draw (<see cref="Commit"/>), the bureau gives its value at the draw.
/// <para>Version 1, exactly, so that it can be re-implemented in another language. Text is hashed as UTF-8 (no BOM);
/// every hash is SHA-256 written as 64 lowercase hex digits; "\t" is a tab, "\n" a line feed; integers are decimal
/// digits; keys, grades, the secret and the bureau's value contain no control character; keys and the bureau's value
/// are not empty. Lists are sorted by key with ordinal (UTF-16 code unit) comparison; a key listed twice is an error.</para>
/// <list type="number">
/// <item>Commitment = SHA-256("zhifa-ssj-draw-commitment\n" + secret + "\n"). The secret has at least 16 characters.</item>
/// <item>SubjectsHash = SHA-256 of "key\tgrade\n" per subject, sorted by key (grade "" when ungraded).
/// InspectorsHash = SHA-256 of "key\n" per inspector, sorted by key. Empty lists hash the empty text.</item>
/// <item>InputsHash = SHA-256 of the lines "zhifa-ssj-draw-inputs", "version\t1", "subjects\t" + SubjectsHash,
/// "inspectors\t" + InspectorsHash, "inspectorsPerSubject\t" + count, "orderOnly\ttrue" or "orderOnly\tfalse", then
/// "ratio\tgrade\tpercent" per ratio sorted by grade, "conflict\tinspectorKey\tsubjectKey" per conflict and then
/// "previous\tinspectorKey\tsubjectKey" per previous pairing, each sorted by inspector key then subject key and listed
/// once; every line ends with "\n". A percent is written without exponent, trailing zeros or a trailing point
/// (3, 3.0 and 3.00 are "3"; 12.50 is "12.5"; zero is "0"); it has at most 6 decimal places and is not negative.</item>
/// <item>Seed = SHA-256("zhifa-ssj-draw-seed\n" + version + "\n" + InputsHash + "\n" + secret + "\n" + bureau's value + "\n").</item>
/// <item>Random stream: block i (i = 0, 1, 2…) = SHA-256(the 32 seed bytes ‖ i as 8 bytes big-endian); each block gives
/// four unsigned 64-bit big-endian integers (bytes 0–7, 8–15, 16–23, 24–31), used in turn. An integer below n: with
/// r = 2^64 mod n, take the next integer x, drawing again while x ≥ 2^64 − r; the answer is x mod n. A shuffle of k steps
/// over a list of length L: for i = 0 … k−1, j = i + (an integer below L − i), swap items i and j.</item>
/// <item>Subjects, from one stream in this order. Unless order-only: for each grade present among the subjects, in
/// ordinal order, its subjects sorted by key; n = ⌈count × percent / 100⌉ (<see cref="SampleSize"/>: a grade without
/// ratio or at 0 gives none, 100 or more gives all); if n &gt; 0, a shuffle of n steps and the first n are selected,
/// appended grade after grade. Order-only: all subjects sorted by key are selected. Then a shuffle of all the selected
/// (as many steps as subjects) gives the visiting order 1, 2, 3….</item>
/// <item>Inspectors, continuing the stream, per subject in visiting order: the eligible are the inspectors sorted by key
/// without those the conflicts or previous pairings pair with that subject. Fewer than required: a shortfall with their
/// count, no inspector and no draw from the stream. Otherwise a full shuffle of the eligible (as many steps as eligible),
/// then a stable sort by how many subjects each has already been given in this draw, and the first required ones are
/// taken in that order.</item>
/// <item>ResultHash = SHA-256 of, per assignment in visiting order, order + "\t" + subject key, then "\t" + inspector key
/// per inspector in the order drawn, then "\n".</item>
/// </list>
/// </summary>
public static class VerifiableDraw
{
    public const int CurrentVersion = 1;

    /// <summary>The hash the body publishes before the draw, binding it to <paramref name="bodySecret"/>.</summary>
    public static string Commit(string bodySecret)
    {
        CanonicalDraw.CheckSecret(bodySecret);
        return CanonicalDraw.Sha256Hex(CanonicalDraw.CommitmentText(bodySecret));
    }

    /// <summary>A fresh body secret: 32 random bytes as 64 hex digits.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string HashSubjects(IEnumerable<DrawSubject> subjects) =>
        CanonicalDraw.Sha256Hex(CanonicalDraw.SubjectsText(CanonicalDraw.SortSubjects(subjects)));

    public static string HashInspectors(IEnumerable<DrawInspector> inspectors) =>
        CanonicalDraw.Sha256Hex(CanonicalDraw.InspectorsText(CanonicalDraw.SortInspectors(inspectors)));

    /// <summary>
    /// How many of a grade's <paramref name="count"/> subjects a ratio of <paramref name="ratioPercent"/> inspects
    /// (SSJ-RATIO): ⌈count × ratio / 100⌉, none at 0 or less, all at 100 or more. A ratio has at most
    /// six decimal places, so the product and the division are exact.
    /// </summary>
    public static int SampleSize(int count, decimal ratioPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CanonicalDraw.CheckPercentDecimals(ratioPercent);
        if (ratioPercent <= 0)
            return 0;
        if (ratioPercent >= 100)
            return count;
        return (int)decimal.Ceiling(count * ratioPercent / 100);
    }

    /// <summary>
    /// Draws. Throws <see cref="ArgumentException"/> for inputs that cannot be drawn (a key listed twice, fewer than 2
    /// inspectors per subject, a short secret…); a subject without enough eligible inspectors is a shortfall in the result.
    /// </summary>
    public static DrawResult Run(DrawInputs inputs) => Run(CanonicalDraw.Of(inputs));

    /// <summary>
    /// The published document of a draw: its inputs in canonical form, the secret and the bureau's value, the hashes,
    /// the seed and the assignments — everything needed to re-run it. The result must be the one of these inputs.
    /// </summary>
    public static string ToPublishedJson(DrawInputs inputs, DrawResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var draw = CanonicalDraw.Of(inputs);
        var (subjectsHash, inspectorsHash, inputsHash, seed) = Hashes(draw);
        if (result.SubjectsHash != subjectsHash || result.InspectorsHash != inspectorsHash || result.InputsHash != inputsHash
            || result.Seed != seed || result.ResultHash != CanonicalDraw.Sha256Hex(CanonicalDraw.ResultText(result.Assignments)))
            throw new ArgumentException("The result is not the draw of these inputs.", nameof(result));
        return DrawJson.Write(draw, result);
    }

    /// <summary>
    /// Re-runs a published draw from its document alone and lists what differs (<see cref="DrawDifferences"/>): list
    /// hashes recomputed from the lists, the inputs hash, the commitment when <paramref name="publishedCommitment"/> is
    /// given, the seed, the result hash and the assignments. Throws <see cref="FormatException"/> when the document is
    /// not a draw that can be re-run.
    /// </summary>
    public static DrawVerification Verify(string publishedJson, string? publishedCommitment = null)
    {
        ArgumentNullException.ThrowIfNull(publishedJson);
        var published = DrawJson.Read(publishedJson);
        DrawResult recomputed;
        try
        {
            recomputed = Run(published.Inputs);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"The published draw cannot be re-run: {e.Message}", e);
        }

        var differences = new List<string>();
        if (published.SubjectsHash != recomputed.SubjectsHash)
            differences.Add(DrawDifferences.SubjectsHash);
        if (published.InspectorsHash != recomputed.InspectorsHash)
            differences.Add(DrawDifferences.InspectorsHash);
        if (published.InputsHash != recomputed.InputsHash)
            differences.Add(DrawDifferences.InputsHash);
        if (publishedCommitment is not null
            && !string.Equals(publishedCommitment.Trim(), Commit(published.Inputs.BodySecret), StringComparison.OrdinalIgnoreCase))
            differences.Add(DrawDifferences.Commitment);
        if (published.Seed != recomputed.Seed)
            differences.Add(DrawDifferences.Seed);
        if (published.ResultHash != recomputed.ResultHash)
            differences.Add(DrawDifferences.ResultHash);
        if (!SameAssignments(published.Assignments, recomputed.Assignments))
            differences.Add(DrawDifferences.Result);
        return new DrawVerification(differences.Count == 0, differences, recomputed);
    }

    private static bool SameAssignments(IReadOnlyList<DrawAssignment> a, IReadOnlyList<DrawAssignment> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Order == p.Second.Order && p.First.SubjectKey == p.Second.SubjectKey
            && p.First.InspectorKeys.SequenceEqual(p.Second.InspectorKeys, StringComparer.Ordinal));

    private static (string Subjects, string Inspectors, string Inputs, string Seed) Hashes(CanonicalDraw draw)
    {
        var subjectsHash = CanonicalDraw.Sha256Hex(CanonicalDraw.SubjectsText(draw.Subjects));
        var inspectorsHash = CanonicalDraw.Sha256Hex(CanonicalDraw.InspectorsText(draw.Inspectors));
        var inputsHash = CanonicalDraw.Sha256Hex(draw.InputsText(subjectsHash, inspectorsHash));
        return (subjectsHash, inspectorsHash, inputsHash, CanonicalDraw.Sha256Hex(draw.SeedText(inputsHash)));
    }

    private static DrawResult Run(CanonicalDraw draw)
    {
        var (subjectsHash, inspectorsHash, inputsHash, seed) = Hashes(draw);
        var random = new DrawRandom(Convert.FromHexString(seed));

        var selected = new List<DrawSubject>();
        if (draw.OrderOnly)
            selected.AddRange(draw.Subjects);
        else
        {
            var ratios = draw.Ratios.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
            foreach (var grade in draw.Subjects.GroupBy(s => s.Grade, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var pool = grade.ToList();
                var n = SampleSize(pool.Count, ratios.GetValueOrDefault(grade.Key));
                if (n == 0)
                    continue;
                random.Shuffle(pool, n);
                selected.AddRange(pool.Take(n));
            }
        }
        random.Shuffle(selected, selected.Count);

        var excluded = draw.Conflicts.Concat(draw.PreviousPairings).Select(e => (e.InspectorKey, e.SubjectKey)).ToHashSet();
        var load = draw.Inspectors.ToDictionary(i => i.Key, _ => 0, StringComparer.Ordinal);
        var assignments = new List<DrawAssignment>(selected.Count);
        var shortfalls = new List<DrawShortfall>();
        for (var order = 1; order <= selected.Count; order++)
        {
            var subject = selected[order - 1].Key;
            var eligible = draw.Inspectors.Select(i => i.Key).Where(i => !excluded.Contains((i, subject))).ToList();
            if (eligible.Count < draw.InspectorsPerSubject)
            {
                shortfalls.Add(new DrawShortfall(subject, eligible.Count));
                assignments.Add(new DrawAssignment(order, subject, []));
                continue;
            }
            random.Shuffle(eligible, eligible.Count);
            var chosen = eligible.OrderBy(i => load[i]).Take(draw.InspectorsPerSubject).ToArray();
            foreach (var i in chosen)
                load[i]++;
            assignments.Add(new DrawAssignment(order, subject, chosen));
        }

        var resultHash = CanonicalDraw.Sha256Hex(CanonicalDraw.ResultText(assignments));
        return new DrawResult(assignments, shortfalls, subjectsHash, inspectorsHash, inputsHash, seed, resultHash);
    }
}
