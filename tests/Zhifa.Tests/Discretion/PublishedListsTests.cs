using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using static Zhifa.Tests.Discretion.DiscretionFixtures;
using static Zhifa.Tests.Discretion.FineRangeTests;

namespace Zhifa.Tests.Discretion;

public class PublishedListsTests
{
    private static DiscretionBenchmark CoercionBenchmark()
    {
        var (item, version) = Item(ItemKind.Coercion);
        var exemption = new CoercionExemption("违法行为情节显著轻微或者没有明显社会危害的。", [Circumstances.Minor | Circumstances.NoHarm]);
        return DiscretionBenchmark.ForCoercionItem(Guid.NewGuid(), item, version, County, "县行政强制裁量基准", exemption, Now).Value;
    }

    private static ListCuration Curation(ListKind list, DiscretionBenchmark benchmark, DiscretionTier? tier, bool excluded, string? note = null) =>
        ListCuration.Create(Guid.NewGuid(), Guid.NewGuid(), list, benchmark.Id, tier, excluded, note, Now).Value;

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void Lists_AreGeneratedFromThePublishedBenchmarks()
    {
        var penalty = Published(Benchmark(TenThousandToHundredThousand));
        var coercion = Published(CoercionBenchmark());
        var draft = Benchmark(TenThousandToHundredThousand);

        var lists = PublishedLists.Generate([penalty, coercion, draft], []);

        Assert.Equal([DiscretionTier.NoPenalty, DiscretionTier.MayNotPenalize], lists.NoPenalty.Select(e => e.Tier));
        var lighter = Assert.Single(lists.Lighter);
        Assert.Equal((penalty.Id, penalty.ItemCode, FineRange.Fixed(10_000, 37_000)), (lighter.BenchmarkId, lighter.ItemCode, lighter.Range));
        Assert.Equal(FineRange.Fixed(0, 10_000), Assert.Single(lists.Mitigated).Range);
        var exempt = Assert.Single(lists[ListKind.ExemptFromCoercion]);
        Assert.Equal((coercion.ItemId, (DiscretionTier?)null, "违法行为情节显著轻微或者没有明显社会危害的。"), (exempt.ItemId, exempt.Tier, exempt.ConditionText));
        Assert.DoesNotContain(lists.NoPenalty.Concat(lists.Lighter), e => e.BenchmarkId == draft.Id);
    }

    [Fact]
    public void Curation_ExcludesAndAnnotatesEntries_AndSurvivesRegeneration()
    {
        var penalty = Published(Benchmark(TenThousandToHundredThousand));
        var coercion = Published(CoercionBenchmark());
        ListCuration[] curations =
        [
            Curation(ListKind.NoPenalty, penalty, DiscretionTier.MayNotPenalize, excluded: true),
            Curation(ListKind.Lighter, penalty, DiscretionTier.Lighter, excluded: false, "仅适用于小微企业"),
            Curation(ListKind.ExemptFromCoercion, coercion, null, excluded: false, "  已征求公安机关意见 "),
        ];

        var lists = PublishedLists.Generate([penalty, coercion], curations);

        Assert.Equal([DiscretionTier.NoPenalty], lists.NoPenalty.Select(e => e.Tier));
        Assert.Equal("仅适用于小微企业", Assert.Single(lists.Lighter).Annotation);
        Assert.Equal("已征求公安机关意见", Assert.Single(lists.ExemptFromCoercion).Annotation);
        Assert.Null(Assert.Single(lists.Mitigated).Annotation);
        Assert.Empty(lists.UnmatchedCurations);
    }

    [Fact]
    public void Curation_OfAnEntryNoLongerGenerated_IsReported()
    {
        var withoutMitigated = Published(Benchmark(FineRange.Fixed(0, 50_000)));
        var stale = Curation(ListKind.Mitigated, withoutMitigated, DiscretionTier.Mitigated, excluded: true);

        var lists = PublishedLists.Generate([withoutMitigated], [stale]);

        Assert.Empty(lists.Mitigated);
        Assert.Same(stale, Assert.Single(lists.UnmatchedCurations));
    }

    [Fact]
    public void Curation_ThatChangesNothing_OrNamesATierOfAnotherList_IsRefused()
    {
        var id = Guid.NewGuid();

        AssertField(ListCuration.Create(Guid.NewGuid(), Guid.NewGuid(), ListKind.Lighter, id, DiscretionTier.Lighter, false, " ", Now).Error, "annotation", "list.curation_empty");
        AssertField(ListCuration.Create(Guid.NewGuid(), Guid.NewGuid(), ListKind.Lighter, id, DiscretionTier.Heavier, true, null, Now).Error, "tier", "list.tier_not_in_list");
        AssertField(ListCuration.Create(Guid.NewGuid(), Guid.NewGuid(), ListKind.ExemptFromCoercion, id, DiscretionTier.NoPenalty, true, null, Now).Error, "tier", "list.tier_not_in_list");
        AssertField(ListCuration.Create(Guid.NewGuid(), Guid.NewGuid(), ListKind.NoPenalty, id, DiscretionTier.MayNotPenalize, false, new string('注', 501), Now).Error,
            "annotation", "list.annotation_too_long");
    }

    [Fact]
    public void Curation_CanBeChanged()
    {
        var curation = ListCuration.Create(Guid.NewGuid(), Guid.NewGuid(), ListKind.Lighter, Guid.NewGuid(), DiscretionTier.Lighter, true, null, Now).Value;

        Assert.Null(curation.Change(false, "恢复公示并加注", Now));
        Assert.Equal((false, "恢复公示并加注"), (curation.Excluded, curation.Annotation));
        AssertField(curation.Change(false, null, Now), "annotation", "list.curation_empty");
        Assert.Equal("恢复公示并加注", curation.Annotation);
    }
}
