using Zhifa.Core.Catalogue;
using Zhifa.Core.Organizations;

namespace Zhifa.Tests.Catalogue;

/// <summary>Items and their parts for the pure catalogue and discretion tests.</summary>
internal static class CatalogueFixtures
{
    public static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = new(2026, 3, 2);
    public static readonly Guid MarketBureau = Guid.Parse("00000000-0000-0000-0000-00000000b001");
    public static readonly Guid HealthBureau = Guid.Parse("00000000-0000-0000-0000-00000000b002");

    public static LegalBasis FoodSafety124 { get; } =
        new("中华人民共和国食品安全法", "第一百二十四条", "第一款第（一）项", "用非食品原料生产食品……");

    public static LegalBasis Basis(string article, string? clause = null, string law = "中华人民共和国食品安全法") =>
        new(law, article, clause, "条文内容");

    public static ItemContent Content(
        string name = "对生产经营不符合食品安全标准的食品的行政处罚", ItemKind kind = ItemKind.Penalty,
        LegalBasis[]? bases = null, Guid[]? bodies = null, TownshipDelegation? delegation = null) =>
        new(name, kind, bases ?? [FoodSafety124], bodies ?? [MarketBureau], RegionLevel.Province, delegation);

    public static CatalogueItem Draft(ItemContent? content = null, string code = "330217124000") =>
        CatalogueItem.Create(Guid.NewGuid(), Guid.NewGuid(), CatalogueFixtures.MarketBureau, code, content ?? Content(), Now).Value;

    /// <summary>An item taken through review and published from <paramref name="effectiveFrom"/>.</summary>
    public static CatalogueItem Published(ItemContent? content = null, DateOnly? effectiveFrom = null, string code = "330217124000")
    {
        var item = Draft(content, code);
        PublishWorking(item, effectiveFrom ?? Today);
        return item;
    }

    public static void PublishWorking(CatalogueItem item, DateOnly effectiveFrom)
    {
        Assert.Null(item.Submit(Now));
        Assert.Null(item.Approve(Now));
        Assert.Null(item.Publish(effectiveFrom, effectiveFrom, Now));
    }

    /// <summary>An item of the catalogue in force before Zhifa, as imported.</summary>
    public static CatalogueItem Imported(ItemContent content, DateOnly effectiveFrom, string code) =>
        CatalogueItem.Import(Guid.NewGuid(), Guid.NewGuid(), MarketBureau, code, content, effectiveFrom, Now).Value;
}
