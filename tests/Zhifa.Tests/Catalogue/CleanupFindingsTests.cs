using Zhifa.Core.Catalogue;
using static Zhifa.Tests.Catalogue.CatalogueFixtures;

namespace Zhifa.Tests.Catalogue;

public class CleanupFindingsTests
{
    private static readonly Dictionary<Guid, DateOnly> NoUse = [];
    private static readonly DateOnly LongAgo = new(2015, 1, 1);

    private static CleanupReport Compute(IEnumerable<CatalogueItem> items, Dictionary<Guid, DateOnly>? lastUse = null, CleanupSettings? settings = null) =>
        CleanupFindings.Compute(items, lastUse ?? NoUse, Today, settings ?? CleanupSettings.Default);

    private static Dictionary<Guid, DateOnly> Recent(params CatalogueItem[] items) => items.ToDictionary(i => i.Id, _ => Today.AddMonths(-1));

    [Fact]
    public void ItemWithoutLegalBasis_IsFound()
    {
        var bare = Imported(Content(bases: []), LongAgo, "A1");
        var fine = Imported(Content(), LongAgo, "A2");

        var finding = Assert.Single(Compute([bare, fine], Recent(bare, fine)).Findings);

        Assert.Equal(CleanupFindingKind.NoLegalBasis, finding.Kind);
        Assert.Equal("cleanup.no_legal_basis", finding.ReasonCode);
        Assert.Equal(bare.Id, finding.ItemId);
        Assert.Equal([MarketBureau], finding.BodyIds);
    }

    [Fact]
    public void ItemResting_OnlyOnRepealedLaws_IsFound()
    {
        var repealed = Imported(Content(bases: [Basis("第三十条", law: "食品卫生法")]), LongAgo, "B1");
        var partly = Imported(Content(bases: [Basis("第三十条", law: "食品卫生法"), FoodSafety124]), LongAgo, "B2");
        var settings = new CleanupSettings(RepealedLaws: ["《食品卫生法》"]);

        var finding = Assert.Single(Compute([repealed, partly], Recent(repealed, partly), settings).Findings);

        Assert.Equal(repealed.Id, finding.ItemId);
        Assert.Equal("cleanup.basis_repealed", finding.ReasonCode);
    }

    [Fact]
    public void DraftsAndAbolishedItems_AreNotCleanedUp()
    {
        var draft = Draft(Content(bases: []), "C1");
        var abolished = Published(code: "C2");
        abolished.Abolish(Today.AddDays(1), Today, Now);

        Assert.Empty(CleanupFindings.Compute([draft, abolished], NoUse, Today.AddDays(1), CleanupSettings.Default).Findings);
    }

    [Theory]
    [InlineData("2021-03-02", null, "cleanup.never_used")] // published exactly five years ago, never used
    [InlineData("2021-03-03", null, null)] // published less than five years ago: not unused
    [InlineData("2019-01-01", "2021-03-02", null)] // used exactly five years ago counts as used
    [InlineData("2019-01-01", "2021-03-01", "cleanup.unused")] // one day more: unused
    public void UnusedFiveYears_AtTheBoundary(string publishedOn, string? lastUsedOn, string? expected)
    {
        var item = Imported(Content(), Date(publishedOn), "U1");
        var lastUse = lastUsedOn is null ? NoUse : new Dictionary<Guid, DateOnly> { [item.Id] = Date(lastUsedOn) };

        var findings = Compute([item], lastUse).Findings;

        string[] reasons = expected is null ? [] : [expected];
        Assert.Equal(reasons, findings.Select(f => f.ReasonCode));
        Assert.All(findings, f => Assert.Equal(lastUsedOn is null ? null : Date(lastUsedOn), f.Date));
    }

    [Fact]
    public void UnusedYears_AreConfigurable()
    {
        var item = Imported(Content(), new DateOnly(2022, 1, 1), "U2");
        var lastUse = new Dictionary<Guid, DateOnly> { [item.Id] = new DateOnly(2022, 6, 1) };

        Assert.Empty(Compute([item], lastUse).Findings);
        Assert.Equal(CleanupFindingKind.UnusedFiveYears, Assert.Single(Compute([item], lastUse, new CleanupSettings(UnusedYears: 3)).Findings).Kind);
    }

    [Fact]
    public void AnAmendedItem_IsAsOldAsItsFirstVersion()
    {
        var item = Imported(Content(), new DateOnly(2019, 1, 1), "U3");
        item.Amend(Guid.NewGuid(), Now);
        PublishWorking(item, Today);

        Assert.Equal("cleanup.never_used", Assert.Single(Compute([item]).Findings).ReasonCode);
    }

    [Fact]
    public void OneProvision_ClaimedByTwoBodies_IsFoundOnBothItems()
    {
        var market = Imported(Content(bases: [Basis("第一百二十四条", "第一款")]), LongAgo, "S1");
        var health = Imported(Content(bases: [new("《中华人民共和国 食品安全法》", "第一百二十四条", " 第一款", "文本")], bodies: [HealthBureau]), LongAgo, "S2");
        var otherClause = Imported(Content(bases: [Basis("第一百二十四条", "第二款")], bodies: [HealthBureau]), LongAgo, "S3");

        var findings = Compute([market, health, otherClause], Recent(market, health, otherClause)).Findings;

        Assert.All(findings, f => Assert.Equal(CleanupFindingKind.SharedBasis, f.Kind));
        Assert.Equal(["S1", "S2"], findings.Select(f => f.ItemCode));
        Assert.Equal([health.Id], findings[0].OtherItemIds);
        Assert.Equal([market.Id], findings[1].OtherItemIds);
        Assert.Equal("第一款", findings[0].Basis!.Clause);
        Assert.Equal("cleanup.shared_basis", findings[0].ReasonCode);
    }

    [Fact]
    public void OneProvision_OfOneBodyOnly_IsNotShared()
    {
        var first = Imported(Content(bases: [FoodSafety124]), LongAgo, "S4");
        var second = Imported(Content(name: "另一事项", bases: [FoodSafety124]), LongAgo, "S5");
        var joint = Imported(Content(bases: [Basis("第一百二十六条")], bodies: [MarketBureau, HealthBureau]), LongAgo, "S6");

        Assert.Empty(Compute([first, second, joint], Recent(first, second, joint)).Findings);
    }

    [Theory]
    [InlineData("2026-03-01", true)]
    [InlineData("2026-03-02", false)] // due today: not yet overdue
    public void DelegationEvaluation_PastItsDueDate_IsOverdue(string dueOn, bool overdue)
    {
        var delegation = new TownshipDelegation("晋政发〔2022〕5号", new DateOnly(2022, 6, 1), Date(dueOn));
        var item = Imported(Content(delegation: delegation), LongAgo, "E1");

        var findings = Compute([item], Recent(item)).Findings;

        Assert.Equal(overdue, findings.Any(f => f.Kind == CleanupFindingKind.DelegationEvaluationOverdue && f.Date == Date(dueOn)));
        Assert.Equal(overdue ? 1 : 0, findings.Count);
    }

    [Fact]
    public void DelegationEvaluation_RecordedInTime_ClearsTheFinding()
    {
        var delegation = new TownshipDelegation("晋政发〔2022〕5号", new DateOnly(2022, 6, 1), new DateOnly(2024, 12, 31));
        var item = Imported(Content(delegation: delegation), LongAgo, "E2");
        item.RecordEvaluation(new(new DateOnly(2024, 12, 1), EvaluationResult.NeedsSupport, new DateOnly(2026, 12, 1), "需加强培训"));

        Assert.Empty(Compute([item], Recent(item)).Findings);
    }

    [Fact]
    public void Findings_AreListedPerBodyAndPerRegion()
    {
        var countyRegion = Guid.NewGuid();
        var township = Guid.NewGuid();
        var townshipRegion = Guid.NewGuid();
        var bare = Imported(Content(bases: [], bodies: [MarketBureau, township]), LongAgo, "R1");
        var unused = Imported(Content(bodies: [HealthBureau]), LongAgo, "R2");
        var regions = new Dictionary<Guid, Guid> { [MarketBureau] = countyRegion, [HealthBureau] = countyRegion, [township] = townshipRegion };

        var report = Compute([bare, unused], Recent(bare));

        var byBody = report.ByBody();
        Assert.Equal(["R1"], byBody[MarketBureau].Select(f => f.ItemCode));
        Assert.Equal(["R1"], byBody[township].Select(f => f.ItemCode));
        Assert.Equal(["R2"], byBody[HealthBureau].Select(f => f.ItemCode));
        var byRegion = report.ByRegion(regions);
        Assert.Equal(["R1", "R2"], byRegion[countyRegion].Select(f => f.ItemCode));
        Assert.Equal(["R1"], byRegion[townshipRegion].Select(f => f.ItemCode));
    }

    private static DateOnly Date(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
