using Zhifa.Core.Common;

namespace Zhifa.Core.Discretion;

/// <summary>One entry of a published list: the item, the tier (none on the coercion list), when it applies, and a curator's note.</summary>
public sealed record ListEntry(
    ListKind List,
    Guid BenchmarkId,
    Guid ItemId,
    string ItemCode,
    string ItemName,
    DiscretionTier? Tier,
    string ConditionText,
    IReadOnlyList<PenaltyKind> PenaltyKinds,
    FineRange? Range,
    Guid IssuingRegionId,
    string? Annotation);

/// <summary>The four lists, and the curations whose entry is no longer generated (to review or delete).</summary>
public sealed record PublishedListSet(
    IReadOnlyList<ListEntry> NoPenalty,
    IReadOnlyList<ListEntry> Lighter,
    IReadOnlyList<ListEntry> Mitigated,
    IReadOnlyList<ListEntry> ExemptFromCoercion,
    IReadOnlyList<ListCuration> UnmatchedCurations)
{
    public IReadOnlyList<ListEntry> this[ListKind list] => list switch
    {
        ListKind.NoPenalty => NoPenalty,
        ListKind.Lighter => Lighter,
        ListKind.Mitigated => Mitigated,
        _ => ExemptFromCoercion,
    };
}

/// <summary>
/// A curator's change to one generated entry, kept beside the benchmarks so that regenerating the lists keeps it:
/// leave the entry out, or add a note to it. The entry is named by list, benchmark and tier (no tier on the coercion list).
/// </summary>
public sealed class ListCuration : IHasOrganization, Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    public const int MaxAnnotationLength = 500;

    /// <summary>For EF Core materialisation.</summary>
    private ListCuration()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The body whose lists these are.</summary>
    public Guid BodyId { get; private set; }

    public ListKind List { get; private set; }
    public Guid BenchmarkId { get; private set; }
    public DiscretionTier? Tier { get; private set; }
    public bool Excluded { get; private set; }
    public string? Annotation { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    Guid? IHasOrganization.OrganizationId => BodyId;

    internal static Result<ListCuration> Create(Guid id, Guid bodyId, ListKind list, Guid benchmarkId, DiscretionTier? tier, bool excluded, string? annotation, DateTime now)
    {
        var fits = list switch
        {
            ListKind.NoPenalty => tier is DiscretionTier.NoPenalty or DiscretionTier.MayNotPenalize,
            ListKind.Lighter => tier == DiscretionTier.Lighter,
            ListKind.Mitigated => tier == DiscretionTier.Mitigated,
            _ => tier is null,
        };
        if (!fits)
            return DiscretionErrors.TierNotInList();
        var curation = new ListCuration { Id = id, BodyId = bodyId, List = list, BenchmarkId = benchmarkId, Tier = tier };
        return curation.Change(excluded, annotation, now) is { } error ? error : curation;
    }

    internal Error? Change(bool excluded, string? annotation, DateTime now)
    {
        var note = string.IsNullOrWhiteSpace(annotation) ? null : annotation.Trim();
        if (!excluded && note is null)
            return DiscretionErrors.CurationEmpty();
        if (note?.Length > MaxAnnotationLength)
            return DiscretionErrors.AnnotationTooLong(MaxAnnotationLength);
        Excluded = excluded;
        Annotation = note;
        UpdatedAt = now;
        return null;
    }

    internal bool Matches(ListEntry entry) => entry.List == List && entry.BenchmarkId == BenchmarkId && entry.Tier == Tier;
}

/// <summary>
/// The published lists, generated from the published benchmarks and then curated: 不予处罚清单 from the 不予处罚 and
/// 首违不罚 tiers, 从轻处罚清单, 减轻处罚清单, and 免予行政强制清单 from the exemptions of coercion items' benchmarks.
/// </summary>
public static class PublishedLists
{
    public static PublishedListSet Generate(IEnumerable<DiscretionBenchmark> benchmarks, IEnumerable<ListCuration> curations)
    {
        var published = benchmarks.Where(b => b.Status == BenchmarkStatus.Published).ToList();
        var generated = published.SelectMany(TierEntries).Concat(published.SelectMany(ExemptionEntries)).ToList();
        var overlay = curations.ToList();

        var entries = generated
            .Select(e => (Entry: e, Curation: overlay.Find(c => c.Matches(e))))
            .Where(x => x.Curation is not { Excluded: true })
            .Select(x => x.Entry with { Annotation = x.Curation?.Annotation })
            .OrderBy(e => e.ItemCode, StringComparer.Ordinal).ThenBy(e => e.Tier)
            .ToLookup(e => e.List);
        var unmatched = overlay.Where(c => !generated.Exists(c.Matches)).ToList();
        return new PublishedListSet(
            [.. entries[ListKind.NoPenalty]], [.. entries[ListKind.Lighter]], [.. entries[ListKind.Mitigated]], [.. entries[ListKind.ExemptFromCoercion]], unmatched);
    }

    private static IEnumerable<ListEntry> TierEntries(DiscretionBenchmark benchmark) =>
        benchmark.Tiers
            .Where(t => t.Tier is not (DiscretionTier.Ordinary or DiscretionTier.Heavier))
            .Select(t => Entry(benchmark, t.Tier switch
            {
                DiscretionTier.Lighter => ListKind.Lighter,
                DiscretionTier.Mitigated => ListKind.Mitigated,
                _ => ListKind.NoPenalty,
            }, t.Tier, t.ConditionText, t.PenaltyKinds, t.Range));

    private static IEnumerable<ListEntry> ExemptionEntries(DiscretionBenchmark benchmark) =>
        benchmark.Exemption is { } exemption ? [Entry(benchmark, ListKind.ExemptFromCoercion, null, exemption.ConditionText, [], null)] : [];

    private static ListEntry Entry(
        DiscretionBenchmark b, ListKind list, DiscretionTier? tier, string condition, IReadOnlyList<PenaltyKind> kinds, FineRange? range) =>
        new(list, b.Id, b.ItemId, b.ItemCode, b.ItemName, tier, condition, kinds, range, b.IssuingRegionId, null);
}
