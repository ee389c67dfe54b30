using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>
/// The demo benchmarks for the demo catalogue's items (a county's refinement of a city one, a township station using its
/// county's, a coercion item's exemptions) and the published lists. Ids are derived from keys; dates count back from today.
/// </summary>
internal sealed class DiscretionDemo
{
    private static readonly Guid Market = DemoData.Ids.YuanpingMarket;
    private static readonly Guid Transport = DemoData.Ids.YuanpingTransport;
    private static readonly Guid Emergency = DemoData.Ids.YuanpingEmergency;
    private static readonly Guid CityEcology = DemoData.Ids.XinzhouEcology;
    private static readonly Guid EcologyBranch = DemoData.Ids.YuanpingEcologyBranch;
    private static readonly Issuer MarketIssuer = new(Market, DemoData.Ids.Yuanping, RegionLevel.County);
    private static readonly Issuer TransportIssuer = new(Transport, DemoData.Ids.Yuanping, RegionLevel.County);
    private static readonly Issuer EmergencyIssuer = new(Emergency, DemoData.Ids.Yuanping, RegionLevel.County);
    private static readonly Issuer CityEcologyIssuer = new(CityEcology, DemoData.Ids.Xinzhou, RegionLevel.City);
    private static readonly Issuer BranchIssuer = new(EcologyBranch, DemoData.Ids.Yuanping, RegionLevel.County);

    private const string MarketTitle = "原平市市场监督管理局行政处罚裁量基准";

    private readonly ZhifaDbContext _db;
    private readonly DateTime _now;
    private readonly DateOnly _today;
    private readonly List<DiscretionBenchmark> _benchmarks = [];

    private DiscretionDemo(ZhifaDbContext db, DateTime now, DateOnly today)
    {
        _db = db;
        _now = now;
        _today = today;
    }

    public static async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demo);
        new DiscretionDemo(demo.Db, demo.Now, demo.Today).Benchmarks();
        await demo.Db.SaveChangesAsync(ct);
    }

    private void Benchmarks()
    {
        var benchmarksFrom = _today.AddDays(-300);
        Benchmark("market-124", Item("140981CF01001"), MarketIssuer, MarketTitle + "（食品安全）",
            FineRange.Multiple(FineBasis.GoodsValue, 10, 20).WithFallback(50_000, 100_000, below: 10_000),
            [PenaltyKind.ConfiscateGains, PenaltyKind.ConfiscateGoods, PenaltyKind.Fine, PenaltyKind.RevokeLicence], benchmarksFrom,
            tiers => Mitigating(Serious(tiers, PenaltyKind.RevokeLicence),
                "主动消除或者减轻违法行为危害后果，并主动供述行政机关尚未掌握的违法行为的（行政处罚法第三十二条）。",
                Circumstances.ActivelyReducedHarm | Circumstances.VoluntaryConfession));
        Benchmark("market-125", Item("140981CF01002"), MarketIssuer, MarketTitle + "（食品安全）",
            FineRange.Multiple(FineBasis.GoodsValue, 5, 10).WithFallback(5_000, 50_000, below: 10_000),
            [PenaltyKind.ConfiscateGains, PenaltyKind.ConfiscateGoods, PenaltyKind.Fine, PenaltyKind.SuspendOperations, PenaltyKind.RevokeLicence], benchmarksFrom,
            tiers => Serious(tiers, PenaltyKind.SuspendOperations, PenaltyKind.RevokeLicence));
        Benchmark("market-126", Item("140981CF01003"), MarketIssuer, MarketTitle + "（食品安全）", FineRange.Fixed(5_000, 50_000),
            [PenaltyKind.Warning, PenaltyKind.Fine, PenaltyKind.SuspendOperations, PenaltyKind.RevokeLicence], benchmarksFrom,
            tiers => Mitigating(Serious(tiers, PenaltyKind.SuspendOperations, PenaltyKind.RevokeLicence),
                "受他人胁迫或者诱骗实施违法行为，并主动消除或者减轻危害后果的（行政处罚法第三十二条）。",
                Circumstances.CoercedOrInduced | Circumstances.ActivelyReducedHarm));
        Exemption("market-110", Item("140981QZ01001"), MarketIssuer, MarketTitle + "（行政强制）",
            "违法行为情节显著轻微或者没有明显社会危害，当事人主动停止销售并自行下架、封存涉案食品，不致扩散的，可以不采取查封、扣押措施。",
            [Circumstances.Minor | Circumstances.PromptlyCorrected], benchmarksFrom);
        Benchmark("market-57", Item("140981CF02001"), MarketIssuer, MarketTitle + "（广告）", FineRange.Fixed(200_000, 1_000_000),
            [PenaltyKind.Fine, PenaltyKind.RevokeLicence], benchmarksFrom,
            tiers => [.. Serious(tiers, PenaltyKind.RevokeLicence).Select(t => t.Tier == DiscretionTier.Mitigated
                ? t with { ConditionText = "违法广告仅在本经营场所或者自设网店发布，影响范围小，当事人主动消除影响的（行政处罚法第三十二条第（一）项）。", Conditions = [Circumstances.Minor | Circumstances.ActivelyReducedHarm] }
                : t)]);
        // 广告法第五十五条第一款: 广告费用三倍以上五倍以下（无法计算或者明显偏低的，二十万元以上一百万元以下）; 情节严重的，五倍以上十倍以下
        // （一百万元以上二百万元以下），可以吊销营业执照. The statutory range spans both; 从重 is the serious cases' range.
        Benchmark("market-55", Item("140981CF02002"), MarketIssuer, MarketTitle + "（广告）",
            FineRange.Multiple(FineBasis.AdvertisingFee, 3, 10).WithFallback(200_000, 2_000_000),
            [PenaltyKind.Fine, PenaltyKind.RevokeLicence], benchmarksFrom,
            tiers => [.. Serious(tiers, PenaltyKind.RevokeLicence).Select(t => t.Tier switch
            {
                DiscretionTier.Lighter => t with { Range = FineRange.Multiple(FineBasis.AdvertisingFee, 3, 3.6m).WithFallback(200_000, 440_000) },
                DiscretionTier.Ordinary => t with { Range = FineRange.Multiple(FineBasis.AdvertisingFee, 3.6m, 5).WithFallback(440_000, 1_000_000) },
                DiscretionTier.Heavier => t with
                {
                    ConditionText = "两年内有三次以上违法行为或者有其他严重情节的（广告法第五十五条第一款），如一年内因同一种违法行为受过行政处罚、拒绝阻碍调查、造成严重危害后果的。",
                    Range = FineRange.Multiple(FineBasis.AdvertisingFee, 5, 10).WithFallback(1_000_000, 2_000_000),
                },
                _ => t,
            })]);
        Benchmark("market-quality-49", Item("140981CF03001"), MarketIssuer, MarketTitle + "（产品质量）", FineRange.Multiple(FineBasis.GoodsValue, 1, 3),
            [PenaltyKind.ConfiscateGoods, PenaltyKind.Fine, PenaltyKind.ConfiscateGains, PenaltyKind.RevokeLicence], benchmarksFrom,
            tiers => Serious(tiers, PenaltyKind.RevokeLicence));
        Benchmark("transport-63", Item("140981CF11001"), TransportIssuer, "原平市交通运输行政处罚裁量基准",
            FineRange.Multiple(FineBasis.IllegalGain, 2, 10).WithFallback(10_000, 100_000, below: 20_000), [PenaltyKind.ConfiscateGains, PenaltyKind.Fine], benchmarksFrom);
        Benchmark("emergency-97", Item("140981CF21001"), EmergencyIssuer, "原平市应急管理行政处罚裁量基准", FineRange.Fixed(0, 100_000), [PenaltyKind.Fine], benchmarksFrom);
        // 土地管理法第七十七条 with 土地管理法实施条例第五十七条: 罚款额为非法占用土地每平方米一百元以上一千元以下.
        Benchmark("resources-77", Item("140981CF31001"), new Issuer(DemoData.Ids.YuanpingNaturalResources, DemoData.Ids.Yuanping, RegionLevel.County),
            "原平市自然资源行政处罚裁量基准（非法占用土地，土地管理法实施条例第五十七条）", FineRange.PerUnit(FineUnit.SquareMetre, 100, 1000),
            [PenaltyKind.ConfiscateGoods, PenaltyKind.Fine], benchmarksFrom);
        var city = Benchmark("ecology-99", Item("140900CF61001"), CityEcologyIssuer, "忻州市生态环境行政处罚自由裁量基准", FineRange.Fixed(100_000, 1_000_000),
            [PenaltyKind.Fine, PenaltyKind.SuspendOperations, PenaltyKind.OrderClosure], _today.AddDays(-330),
            tiers => Serious(tiers, PenaltyKind.SuspendOperations, PenaltyKind.OrderClosure));
        Refinement("ecology-99-yuanping", city, BranchIssuer, "忻州市生态环境局原平分局行政处罚裁量基准实施细则", _today.AddDays(-200), t => t.Tier switch
        {
            DiscretionTier.Mitigated => t with { Range = FineRange.Fixed(50_000, 100_000) },
            DiscretionTier.Lighter => t with { Range = FineRange.Fixed(100_000, 300_000), ConditionText = t.ConditionText + "超标倍数在0.5倍以下的，按本档下限处罚。" },
            DiscretionTier.Ordinary => t with { Range = FineRange.Fixed(400_000, 700_000) },
            DiscretionTier.Heavier => t with { Range = FineRange.Fixed(750_000, 1_000_000) },
            _ => t,
        });
        Exemption("ecology-25", Item("140900QZ61001"), CityEcologyIssuer, "忻州市生态环境领域免予行政强制清单",
            "违法排放污染物情节轻微，未造成严重污染，当事人立即停止排污并主动消除或者减轻危害后果的，可以不采取查封、扣押措施。",
            [Circumstances.Minor | Circumstances.ActivelyReducedHarm], _today.AddDays(-330));
        Lists([.. _benchmarks.Where(b => b.IssuingBodyId == Market)],
            [.. _benchmarks.Where(b => b.IssuingBodyId == EcologyBranch || b.Id == DeterministicGuid.From("benchmark:ecology-25"))]);
    }

    /// <summary>A published item of the demo catalogue, by its code.</summary>
    private CatalogueItem Item(string code) => _db.CatalogueItems.Local.Single(i => i.Code == code);

    /// <summary>The published lists of the market bureau and the ecology branch, with one curator's note.</summary>
    private void Lists(IReadOnlyList<DiscretionBenchmark> market, IReadOnlyList<DiscretionBenchmark> branch)
    {
        var note = ListCuration.Create(DeterministicGuid.From("list-curation:market-126-first"), Market, ListKind.NoPenalty,
            DeterministicGuid.From("benchmark:market-126"), DiscretionTier.MayNotPenalize, false,
            "适用首违不罚的，应当对当事人进行教育，并责令限期改正；拒不改正的，不再适用。", _now);
        _db.ListCurations.Add(note.Value);
        foreach (var (body, benchmarks) in new[] { (Market, market), (EcologyBranch, branch) })
        {
            var lists = PublishedLists.Generate(benchmarks, body == Market ? [note.Value] : []);
            foreach (var kind in Enum.GetValues<ListKind>())
                _db.ListPublications.Add(new ListPublication(DeterministicGuid.From($"list:{body}:{kind}:1"), body, kind, 1, lists[kind], At(_today.AddDays(-60))));
        }
    }


    private DiscretionBenchmark Benchmark(string key, CatalogueItem item, Issuer issuer, string title, FineRange range, PenaltyKind[] kinds, DateOnly from,
        Func<IReadOnlyList<BenchmarkTier>, IReadOnlyList<BenchmarkTier>>? adjust = null)
    {
        var tiers = BenchmarkGenerator.DefaultTiers(range, kinds, TierSettings.Default).Value;
        var benchmark = DiscretionBenchmark.ForPenaltyItem(DeterministicGuid.From("benchmark:" + key), item, item.Published!, issuer, title, range, kinds,
            adjust?.Invoke(tiers) ?? tiers, _now).Value;
        return Publish(benchmark, issuer, from);
    }

    private void Refinement(string key, DiscretionBenchmark upper, Issuer issuer, string title, DateOnly from, Func<BenchmarkTier, BenchmarkTier> refine)
    {
        var refined = DiscretionBenchmark.Refine(DeterministicGuid.From("benchmark:" + key), upper, issuer, title, [.. upper.Tiers.Select(refine)], _now);
        Publish(refined.IsSuccess ? refined.Value : throw new InvalidOperationException(refined.Error.Describe()), issuer, from);
    }

    private void Exemption(string key, CatalogueItem item, Issuer issuer, string title, string condition, Circumstances[] conditions, DateOnly from)
    {
        var benchmark = DiscretionBenchmark.ForCoercionItem(DeterministicGuid.From("benchmark:" + key), item, item.Published!, issuer, title,
            new CoercionExemption(condition, conditions), _now).Value;
        Publish(benchmark, issuer, from);
    }

    private DiscretionBenchmark Publish(DiscretionBenchmark benchmark, Issuer issuer, DateOnly from)
    {
        var bureau = issuer.Level == RegionLevel.City ? DemoData.Ids.Body("忻州市司法局") : DemoData.Ids.YuanpingJustice;
        Must(benchmark.File(bureau, At(from.AddDays(-30))));
        Must(benchmark.Approve(At(from.AddDays(-10))));
        Must(benchmark.Publish(from, from, At(from.AddDays(-1))));
        _db.Benchmarks.Add(benchmark);
        _benchmarks.Add(benchmark);
        return benchmark;
    }

    /// <summary>Serious cases alone bring the severe penalties: the milder tiers keep only the others.</summary>
    private static IReadOnlyList<BenchmarkTier> Serious(IReadOnlyList<BenchmarkTier> tiers, params PenaltyKind[] severe) =>
        [.. tiers.Select(t => t.Tier == DiscretionTier.Heavier || !t.ImposesPenalty ? t : t with { PenaltyKinds = [.. t.PenaltyKinds.Except(severe)] })];

    private static IReadOnlyList<BenchmarkTier> Mitigating(IReadOnlyList<BenchmarkTier> tiers, string text, Circumstances conditions) =>
        [.. tiers.Select(t => t.Tier == DiscretionTier.Mitigated ? t with { ConditionText = text, Conditions = [conditions] } : t)];

    /// <summary>A working morning in China on that day, as UTC: when the demo's past steps happened.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);

    private static void Must(Error? error)
    {
        if (error is not null)
            throw new InvalidOperationException("Demo benchmarks: " + error.Describe());
    }
}
