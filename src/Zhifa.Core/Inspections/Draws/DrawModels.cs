namespace Zhifa.Core.Inspections.Draws;

/// <summary>
/// A subject that may be drawn for a 双随机 inspection. <see cref="Key"/> is its stable id (a party's unified social
/// credit code or id); <see cref="Grade"/> is its credit grade ("A".."E"), "" when ungraded. Neither may contain a
/// control character (tab, line feed…), so the canonical text stays unambiguous.
/// </summary>
public sealed record DrawSubject(string Key, string Grade);

/// <summary>An enforcement officer who may be drawn as an inspector, by stable id.</summary>
public sealed record DrawInspector(string Key);

/// <summary>
/// An inspector who must not be sent to a subject: a declared conflict of interest, or the pairing of the last draw
/// (an inspector is not sent to the same subject twice in a row).
/// </summary>
public sealed record DrawExclusion(string InspectorKey, string SubjectKey);

/// <summary>
/// What a draw takes (SSJ-RATIO, SSJ-DRAW): the share of each credit grade's subjects to inspect, in percent (a grade
/// missing or at 0 is not inspected, 100 or more takes all of it); how many inspectors go to each subject (at least 2);
/// and <see cref="OrderOnly"/> for 重点检查事项, where every subject is inspected and the draw decides only the order.
/// </summary>
public sealed record DrawParameters(IReadOnlyDictionary<string, decimal> RatioPercentByGrade, int InspectorsPerSubject, bool OrderOnly);

/// <summary>
/// Everything a draw is computed from. <see cref="BodySecret"/> is the enforcement body's secret, committed to in
/// advance with <see cref="VerifiableDraw.Commit"/>; <see cref="SupervisorValue"/> is the value the supervising bureau
/// gives at the draw. The order of the lists does not matter.
/// </summary>
public sealed record DrawInputs(
    IReadOnlyList<DrawSubject> Subjects,
    IReadOnlyList<DrawInspector> Inspectors,
    DrawParameters Parameters,
    IReadOnlyList<DrawExclusion> Conflicts,
    IReadOnlyList<DrawExclusion> PreviousPairings,
    string BodySecret,
    string SupervisorValue,
    int AlgorithmVersion = VerifiableDraw.CurrentVersion);

/// <summary>
/// One drawn subject: its place in the visiting order (1..n) and its inspectors, in the order drawn. Empty inspectors
/// mean a shortfall for that subject (see <see cref="DrawResult.Shortfalls"/>).
/// </summary>
public sealed record DrawAssignment(int Order, string SubjectKey, IReadOnlyList<string> InspectorKeys);

/// <summary>A drawn subject that has fewer eligible inspectors than the draw requires (SSJ-DRAW): it was given none.</summary>
public sealed record DrawShortfall(string SubjectKey, int Eligible);

/// <summary>
/// The outcome of a draw with the hashes that make it checkable. A draw with shortfalls is not a valid draw: the
/// caller refuses it (SSJ-DRAW) naming the subjects.
/// </summary>
public sealed record DrawResult(
    IReadOnlyList<DrawAssignment> Assignments,
    IReadOnlyList<DrawShortfall> Shortfalls,
    string SubjectsHash,
    string InspectorsHash,
    string InputsHash,
    string Seed,
    string ResultHash)
{
    public bool Succeeded => Shortfalls.Count == 0;
}

/// <summary>
/// The check of a published draw: whether it matches its re-run, the codes of what differs (<see cref="DrawDifferences"/>),
/// and the re-run's result.
/// </summary>
public sealed record DrawVerification(bool Matches, IReadOnlyList<string> Differences, DrawResult Recomputed);

/// <summary>The stable codes <see cref="VerifiableDraw.Verify"/> reports, in the order it checks them.</summary>
public static class DrawDifferences
{
    /// <summary>The published subjects hash is not the hash of the published subjects.</summary>
    public const string SubjectsHash = "subjects_hash";

    /// <summary>The published inspectors hash is not the hash of the published inspectors.</summary>
    public const string InspectorsHash = "inspectors_hash";

    /// <summary>The published inputs hash is not the hash of the published inputs.</summary>
    public const string InputsHash = "inputs_hash";

    /// <summary>The published body secret is not the one committed to before the draw.</summary>
    public const string Commitment = "commitment";

    /// <summary>The published seed is not the seed of the published inputs.</summary>
    public const string Seed = "seed";

    /// <summary>The published result hash is not the re-run's.</summary>
    public const string ResultHash = "result_hash";

    /// <summary>The published assignments are not the re-run's.</summary>
    public const string Result = "result";
}
