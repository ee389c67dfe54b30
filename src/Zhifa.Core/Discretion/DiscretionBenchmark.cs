using Zhifa.Core.Audit;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>
/// A discretion benchmark (裁量基准) for one version of a catalogue item, issued by a body at its region's level,
/// possibly refining the benchmark of the level above (CLJZ-LEVEL). For a penalty item it holds the statutory
/// range and penalties and the tiers; for a coercion item, the condition under which the measure is not taken.
/// It is drafted, filed with the supervising justice bureau for review (备案审查), approved there (or returned to its
/// drafters) and then published by its issuer; only a draft changes.
/// </summary>
public sealed class DiscretionBenchmark : IHasOrganization, Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    public const int MaxTitleLength = 200;

    #pragma warning disable IDE0044 // not readonly: EF Core sets it when it reads the JSON column back
    private List<PenaltyKind> _statutoryKinds = [];
    private List<BenchmarkTier> _tiers = [];
    #pragma warning restore IDE0044

    /// <summary>For EF Core materialisation.</summary>
    private DiscretionBenchmark()
    {
        ItemCode = "";
        ItemName = "";
        Title = "";
    }

    private DiscretionBenchmark(Guid id, ItemRef item, Issuer issuer, string title, DateTime now)
    {
        Id = id;
        (ItemId, ItemVersionId, ItemCode, ItemName, ItemKind) = item;
        Title = title.Trim().Trim('《', '》');
        IssuingBodyId = issuer.BodyId;
        IssuingRegionId = issuer.RegionId;
        IssuingLevel = issuer.Level;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid ItemVersionId { get; private set; }
    public string ItemCode { get; private set; }
    public string ItemName { get; private set; }
    public ItemKind ItemKind { get; private set; }

    /// <summary>The benchmark document's name without title marks, as the decision cites it: 《<see cref="Title"/>》.</summary>
    public string Title { get; private set; }

    public Guid IssuingBodyId { get; private set; }
    public Guid IssuingRegionId { get; private set; }
    public RegionLevel IssuingLevel { get; private set; }

    /// <summary>The upper level's benchmark this one refines.</summary>
    public Guid? UpperBenchmarkId { get; private set; }

    public FineRange? StatutoryRange { get; private set; }
    public IReadOnlyList<PenaltyKind> StatutoryKinds => _statutoryKinds;

    /// <summary>The tiers from the mildest to the most severe.</summary>
    public IReadOnlyList<BenchmarkTier> Tiers => _tiers;

    public CoercionExemption? Exemption { get; private set; }

    public BenchmarkStatus Status { get; private set; }
    public Guid? FiledWithBodyId { get; private set; }
    public DateTime? FiledAt { get; private set; }
    public string? ReviewComments { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    Guid? IHasOrganization.OrganizationId => IssuingBodyId;

    public BenchmarkTier? TierOf(DiscretionTier tier) => _tiers.Find(t => t.Tier == tier);

    /// <summary>The tier's place in this benchmark, counted from 1 (第N档).</summary>
    public int NumberOf(DiscretionTier tier) => _tiers.FindIndex(t => t.Tier == tier) + 1;

    internal static Result<DiscretionBenchmark> ForPenaltyItem(
        Guid id, CatalogueItem item, CatalogueItemVersion version, Issuer issuer, string title,
        FineRange? statutoryRange, IReadOnlyList<PenaltyKind> statutoryKinds, IReadOnlyList<BenchmarkTier> tiers, DateTime now) =>
        Penalty(id, ItemRef.Of(item, version), issuer, title, statutoryRange, statutoryKinds, tiers, now);

    internal static Result<DiscretionBenchmark> ForCoercionItem(
        Guid id, CatalogueItem item, CatalogueItemVersion version, Issuer issuer, string title, CoercionExemption exemption, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Kind != ItemKind.Coercion)
            return DiscretionErrors.NotCoercionItem();
        if ((CheckIssue(issuer, title) ?? CheckExemption(exemption)) is { } error)
            return error;
        return new DiscretionBenchmark(id, ItemRef.Of(item, version), issuer, title, now) { Exemption = Trimmed(exemption) };
    }

    /// <summary>A lower level's benchmark for the same item version, within the upper level's tiers (CLJZ-LEVEL).</summary>
    internal static Result<DiscretionBenchmark> Refine(Guid id, DiscretionBenchmark upper, Issuer issuer, string title, IReadOnlyList<BenchmarkTier> tiers, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(upper);
        if ((CheckIssue(issuer, title) ?? BenchmarkRules.CheckRefinement(upper, issuer, tiers)) is { } error)
            return error;
        var item = new ItemRef(upper.ItemId, upper.ItemVersionId, upper.ItemCode, upper.ItemName, upper.ItemKind);
        var created = Penalty(id, item, issuer, title, upper.StatutoryRange, upper.StatutoryKinds, tiers, now);
        if (created.IsSuccess)
            created.Value.UpperBenchmarkId = upper.Id;
        return created;
    }

    /// <summary>Replaces the tiers of a draft; a refinement is checked again against the benchmark it refines.</summary>
    internal Error? ReviseTiers(IReadOnlyList<BenchmarkTier> tiers, DiscretionBenchmark? upper, DateTime now)
    {
        if (Refusal(BenchmarkAction.Revise) is { } refused)
            return refused;
        if (ItemKind != ItemKind.Penalty)
            return DiscretionErrors.NotPenaltyItem("tiers");
        if (upper?.Id != UpperBenchmarkId)
            throw new ArgumentException($"Benchmark {Id} refines {UpperBenchmarkId}, not {upper?.Id}.", nameof(upper));
        var issuer = new Issuer(IssuingBodyId, IssuingRegionId, IssuingLevel);
        var error = upper is null ? BenchmarkRules.CheckTiers(StatutoryRange, StatutoryKinds, tiers) : BenchmarkRules.CheckRefinement(upper, issuer, tiers);
        if (error is not null)
            return error;
        SetTiers(tiers);
        UpdatedAt = now;
        return null;
    }

    internal Error? ReviseExemption(CoercionExemption exemption, DateTime now)
    {
        if (Refusal(BenchmarkAction.Revise) is { } refused)
            return refused;
        if (ItemKind != ItemKind.Coercion)
            return DiscretionErrors.NotCoercionItem("exemption");
        if (CheckExemption(exemption) is { } error)
            return error;
        Exemption = Trimmed(exemption);
        UpdatedAt = now;
        return null;
    }

    /// <summary>Files the draft with the supervising justice bureau for review (备案审查).</summary>
    internal Error? File(Guid bureauId, DateTime now)
    {
        if (Refusal(BenchmarkAction.File) is { } refused)
            return refused;
        if (bureauId == Guid.Empty)
            return DiscretionErrors.BureauRequired();
        Status = Target(BenchmarkAction.File);
        FiledWithBodyId = bureauId;
        FiledAt = now;
        UpdatedAt = now;
        return null;
    }

    /// <summary>The bureau's review found a problem: the benchmark goes back to its drafters.</summary>
    internal Error? ReturnFromReview(string comments, DateTime now)
    {
        if (Refusal(BenchmarkAction.Return) is { } refused)
            return refused;
        if (string.IsNullOrWhiteSpace(comments))
            return DiscretionErrors.CommentsRequired();
        Status = Target(BenchmarkAction.Return);
        ReviewComments = comments.Trim();
        UpdatedAt = now;
        return null;
    }

    /// <summary>The bureau's review found nothing against it: the issuer may now publish it.</summary>
    internal Error? Approve(DateTime now)
    {
        if (Refusal(BenchmarkAction.Approve) is { } refused)
            return refused;
        Status = Target(BenchmarkAction.Approve);
        ReviewComments = null;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Publishes the approved benchmark from <paramref name="effectiveFrom"/>, never backdated: no past decision changes its benchmark.</summary>
    internal Error? Publish(DateOnly effectiveFrom, DateOnly today, DateTime now)
    {
        if (Refusal(BenchmarkAction.Publish) is { } refused)
            return refused;
        if (effectiveFrom < today)
            return DiscretionErrors.DateTooEarly(today);
        Status = Target(BenchmarkAction.Publish);
        EffectiveFrom = effectiveFrom;
        PublishedAt = now;
        UpdatedAt = now;
        return null;
    }

    private static Result<DiscretionBenchmark> Penalty(
        Guid id, ItemRef item, Issuer issuer, string title, FineRange? statutoryRange, IReadOnlyList<PenaltyKind> statutoryKinds, IReadOnlyList<BenchmarkTier> tiers, DateTime now)
    {
        if (item.Kind != ItemKind.Penalty)
            return DiscretionErrors.NotPenaltyItem();
        if ((CheckIssue(issuer, title) ?? BenchmarkRules.CheckTiers(statutoryRange, statutoryKinds, tiers)) is { } error)
            return error;
        var benchmark = new DiscretionBenchmark(id, item, issuer, title, now) { StatutoryRange = statutoryRange };
        benchmark._statutoryKinds.AddRange(statutoryKinds.Distinct());
        benchmark.SetTiers(tiers);
        return benchmark;
    }

    private void SetTiers(IReadOnlyList<BenchmarkTier> tiers)
    {
        _tiers.Clear();
        _tiers.AddRange(tiers.OrderBy(t => t.Tier).Select(t => t with
        {
            ConditionText = t.ConditionText.Trim(), Conditions = [.. t.Conditions.Distinct()], PenaltyKinds = [.. t.PenaltyKinds.Distinct()],
        }));
    }

    /// <summary>The workflow table's answer for <paramref name="action"/> from the current status (<see cref="BenchmarkWorkflow"/>).</summary>
    private Error? Refusal(BenchmarkAction action) => BenchmarkWorkflow.Table.Refusal(Status, action);

    private BenchmarkStatus Target(BenchmarkAction action) => BenchmarkWorkflow.Table.Target(Status, action)!.Value;

    private static Error? CheckIssue(Issuer issuer, string title)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.Level == RegionLevel.Township)
            return DiscretionErrors.TownshipUsesCounty();
        if (string.IsNullOrWhiteSpace(title))
            return DiscretionErrors.TitleRequired();
        return title.Trim().Length > MaxTitleLength ? DiscretionErrors.TitleTooLong(MaxTitleLength) : null;
    }

    private static ValidationError? CheckExemption(CoercionExemption exemption)
    {
        ArgumentNullException.ThrowIfNull(exemption);
        return string.IsNullOrWhiteSpace(exemption.ConditionText) ? DiscretionErrors.ExemptionConditionRequired() : null;
    }

    private static CoercionExemption Trimmed(CoercionExemption exemption) =>
        exemption with { ConditionText = exemption.ConditionText.Trim(), Conditions = [.. exemption.Conditions.Distinct()] };

    /// <summary>The item a benchmark is for, as it reads in the version the benchmark was made for.</summary>
    private sealed record ItemRef(Guid Id, Guid VersionId, string Code, string Name, ItemKind Kind)
    {
        public static ItemRef Of(CatalogueItem item, CatalogueItemVersion version)
        {
            ArgumentNullException.ThrowIfNull(item);
            ArgumentNullException.ThrowIfNull(version);
            return version.ItemId == item.Id
                ? new(item.Id, version.Id, item.Code, version.Name, version.Kind)
                : throw new ArgumentException($"Version {version.Id} is not of item {item.Id}.", nameof(version));
        }
    }
}
