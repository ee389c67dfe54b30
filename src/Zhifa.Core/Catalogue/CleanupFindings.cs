namespace Zhifa.Core.Catalogue;

/// <summary>The clean-up's settings: how many years without use make an item unused, and the laws since repealed.</summary>
public sealed record CleanupSettings(int UnusedYears = 5, IReadOnlyList<string>? RepealedLaws = null)
{
    public static CleanupSettings Default { get; } = new();
}

/// <summary>
/// One thing the clean-up found: the item, the bodies that implement it, and a reason code (a resource key).
/// <see cref="Date"/> is the last use or the missed due date; <see cref="Basis"/> and <see cref="OtherItemIds"/> name a shared provision.
/// </summary>
public sealed record CleanupFinding(CleanupFindingKind Kind, Guid ItemId, string ItemCode, string ItemName, IReadOnlyList<Guid> BodyIds, string ReasonCode)
{
    public DateOnly? Date { get; init; }
    public LegalBasis? Basis { get; init; }
    public IReadOnlyList<Guid> OtherItemIds { get; init; } = [];
}

/// <summary>The findings of one clean-up, listable per body and per region.</summary>
public sealed record CleanupReport(IReadOnlyList<CleanupFinding> Findings)
{
    public ILookup<Guid, CleanupFinding> ByBody() =>
        Findings.SelectMany(f => f.BodyIds.Select(body => (body, f))).ToLookup(x => x.body, x => x.f);

    /// <summary>Findings per region of the implementing bodies; a finding appears once per region however many of its bodies sit there.</summary>
    public ILookup<Guid, CleanupFinding> ByRegion(IReadOnlyDictionary<Guid, Guid> regionOfBody) =>
        Findings.SelectMany(f => f.BodyIds.Where(regionOfBody.ContainsKey).Select(b => regionOfBody[b]).Distinct().Select(region => (region, f)))
            .ToLookup(x => x.region, x => x.f);
}

/// <summary>
/// The catalogue clean-up (行政执法事项清理): items without a legal basis, items unused for five years, one provision
/// claimed by several bodies, delegations whose evaluation is overdue. Computed over the versions in force on
/// <c>today</c>; drafts and abolished items are not part of the catalogue that is cleaned up.
/// </summary>
public static class CleanupFindings
{
    /// <param name="lastUseByItem">The last day each item (by <see cref="CatalogueItem.Id"/>) was used in a case or an inspection.</param>
    public static CleanupReport Compute(IEnumerable<CatalogueItem> items, IReadOnlyDictionary<Guid, DateOnly> lastUseByItem, DateOnly today, CleanupSettings settings)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(lastUseByItem);
        ArgumentNullException.ThrowIfNull(settings);
        var inForce = items.Select(i => (Item: i, Version: i.VersionInForce(today)))
            .Where(x => x.Version is not null).Select(x => (x.Item, Version: x.Version!)).ToList();
        var findings = WithoutBasis(inForce, settings)
            .Concat(Unused(inForce, lastUseByItem, today, settings))
            .Concat(SharedBases(inForce))
            .Concat(OverdueEvaluations(inForce, today))
            .OrderBy(f => f.ItemCode, StringComparer.Ordinal).ThenBy(f => f.Kind)
            .ToList();
        return new CleanupReport(findings);
    }

    private static IEnumerable<CleanupFinding> WithoutBasis(List<(CatalogueItem Item, CatalogueItemVersion Version)> inForce, CleanupSettings settings)
    {
        var repealed = settings.RepealedLaws ?? [];
        foreach (var (item, version) in inForce)
        {
            if (version.Bases.Count == 0)
                yield return Finding(CleanupFindingKind.NoLegalBasis, item, version, "cleanup.no_legal_basis");
            else if (version.Bases.All(b => repealed.Any(b.Cites)))
                yield return Finding(CleanupFindingKind.NoLegalBasis, item, version, "cleanup.basis_repealed");
        }
    }

    /// <summary>Used on or after the day <see cref="CleanupSettings.UnusedYears"/> years ago counts as used; an item younger than that is never unused.</summary>
    private static IEnumerable<CleanupFinding> Unused(
        List<(CatalogueItem Item, CatalogueItemVersion Version)> inForce, IReadOnlyDictionary<Guid, DateOnly> lastUseByItem, DateOnly today, CleanupSettings settings)
    {
        var cutoff = today.AddYears(-settings.UnusedYears);
        foreach (var (item, version) in inForce.Where(x => x.Item.FirstEffectiveFrom <= cutoff))
        {
            var used = lastUseByItem.TryGetValue(item.Id, out var lastUse);
            if (!used)
                yield return Finding(CleanupFindingKind.UnusedFiveYears, item, version, "cleanup.never_used");
            else if (lastUse < cutoff)
                yield return Finding(CleanupFindingKind.UnusedFiveYears, item, version, "cleanup.unused") with { Date = lastUse };
        }
    }

    /// <summary>A provision cited by two or more items whose bodies are not all the same one: 交叉重复, 多头执法.</summary>
    private static IEnumerable<CleanupFinding> SharedBases(List<(CatalogueItem Item, CatalogueItemVersion Version)> inForce) =>
        inForce
            .SelectMany(x => x.Version.Bases.DistinctBy(b => b.ProvisionKey()).Select(b => (x.Item, x.Version, Basis: b)))
            .GroupBy(x => x.Basis.ProvisionKey())
            .Where(g => g.Count() > 1 && g.SelectMany(x => x.Version.BodyIds).Distinct().Count() > 1)
            .SelectMany(g => g.Select(x => Finding(CleanupFindingKind.SharedBasis, x.Item, x.Version, "cleanup.shared_basis") with
            {
                Basis = x.Basis,
                OtherItemIds = [.. g.Select(o => o.Item.Id).Where(id => id != x.Item.Id)],
            }));

    /// <summary>Due on a day means overdue from the next day.</summary>
    private static IEnumerable<CleanupFinding> OverdueEvaluations(List<(CatalogueItem Item, CatalogueItemVersion Version)> inForce, DateOnly today) =>
        inForce
            .Where(x => x.Item.EvaluationDueOn(today) < today)
            .Select(x => Finding(CleanupFindingKind.DelegationEvaluationOverdue, x.Item, x.Version, "cleanup.evaluation_overdue") with { Date = x.Item.EvaluationDueOn(today) });

    private static CleanupFinding Finding(CleanupFindingKind kind, CatalogueItem item, CatalogueItemVersion version, string reason) =>
        new(kind, item.Id, item.Code, version.Name, version.BodyIds, reason);
}
