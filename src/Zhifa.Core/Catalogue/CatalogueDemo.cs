using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

/// <summary>
/// The demo catalogue: real items with their real legal bases for the demo bodies, at every stage of their life cycle, and
/// something for each clean-up finding (a legacy item without basis, one unused for years, one provision claimed by two
/// bodies, a delegation whose evaluation is overdue). Ids are derived from the item codes; dates count back from today.
/// </summary>
internal sealed class CatalogueDemo
{
    private static readonly Guid Market = DemoData.Ids.YuanpingMarket;
    private static readonly Guid MarketStation = DemoData.Ids.Body("原平市市场监督管理局崞阳市场监督管理所");
    private static readonly Guid Transport = DemoData.Ids.YuanpingTransport;
    private static readonly Guid Resources = DemoData.Ids.YuanpingNaturalResources;
    private static readonly Guid Emergency = DemoData.Ids.YuanpingEmergency;
    private static readonly Guid Agriculture = DemoData.Ids.Body("原平市农业农村局");
    private static readonly Guid Comprehensive = DemoData.Ids.YuanpingComprehensive;
    private static readonly Guid CityEcology = DemoData.Ids.XinzhouEcology;
    private static readonly Guid EcologyBranch = DemoData.Ids.YuanpingEcologyBranch;
    private static readonly Guid Guoyang = DemoData.Ids.Body("原平市崞阳镇人民政府");
    private static readonly Guid Xuangang = DemoData.Ids.Body("原平市轩岗镇人民政府");

    private const string FoodSafetyLaw = "中华人民共和国食品安全法";
    private const string AdvertisingLaw = "中华人民共和国广告法";
    private const string AirLaw = "中华人民共和国大气污染防治法";
    private const string LandLaw = "中华人民共和国土地管理法";
    private const string SafetyLaw = "中华人民共和国安全生产法";

    private readonly ZhifaDbContext _db;
    private readonly DateTime _now;
    private readonly DateOnly _today;

    private CatalogueDemo(ZhifaDbContext db, DateTime now, DateOnly today)
    {
        _db = db;
        _now = now;
        _today = today;
    }

    public static async Task SeedAsync(ZhifaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var demo = new CatalogueDemo(db, clock.GetUtcNow().UtcDateTime, clock.Today());
        demo.Items();
        await db.SaveChangesAsync(ct);
    }

    private void Items()
    {
        var published = _today.AddDays(-400);

        // 市场监督管理: 食品安全法, 广告法, 产品质量法, 计量法
        Published("140981CF01001", Market, "对生产经营不符合食品安全标准的食品等行为的行政处罚", ItemKind.Penalty,
            [new(FoodSafetyLaw, "第一百二十四条", "第一款", "违反本法规定，有下列情形之一，尚不构成犯罪的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、原料等物品；违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证：（一）生产经营致病性微生物，农药残留、兽药残留、生物毒素、重金属等污染物质以及其他危害人体健康的物质含量超过食品安全标准限量的食品、食品添加剂；……")],
            [Market, MarketStation], published);

        Published("140981CF01002", Market, "对生产经营被包装材料、容器、运输工具等污染的食品等行为的行政处罚", ItemKind.Penalty,
            [new(FoodSafetyLaw, "第一百二十五条", "第一款", "违反本法规定，有下列情形之一的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、原料等物品；违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五千元以上五万元以下罚款；货值金额一万元以上的，并处货值金额五倍以上十倍以下罚款；情节严重的，责令停产停业，直至吊销许可证：（一）生产经营被包装材料、容器、运输工具等污染的食品、食品添加剂；……")],
            [Market, MarketStation], published);

        Published("140981CF01003", Market, "对未按规定建立并遵守进货查验记录制度等行为的行政处罚", ItemKind.Penalty,
            [new(FoodSafetyLaw, "第一百二十六条", "第一款", "违反本法规定，有下列情形之一的，由县级以上人民政府食品安全监督管理部门责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款；情节严重的，责令停产停业，直至吊销许可证：……（三）食品、食品添加剂经营者进货时未查验许可证和相关证明文件，或者未按规定建立并遵守进货查验记录、出厂检验记录和销售记录制度；……")],
            [Market, MarketStation], published);

        Published("140981QZ01001", Market, "查封、扣押有证据证明不符合食品安全标准的食品等", ItemKind.Coercion,
            [new(FoodSafetyLaw, "第一百一十条", "第（四）项", "县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责，有权采取下列措施，对生产经营者遵守本法的情况进行监督检查：……（四）查封、扣押有证据证明不符合食品安全标准或者有证据证明存在安全隐患以及用于违法生产经营的食品、食品添加剂、食品相关产品；……")],
            [Market, MarketStation], published);

        Published("140981CF02001", Market, "对发布使用“国家级”“最高级”“最佳”等用语的广告的行政处罚", ItemKind.Penalty,
            [
                new(AdvertisingLaw, "第五十七条", "第（一）项", "有下列行为之一的，由市场监督管理部门责令停止发布广告，对广告主处二十万元以上一百万元以下的罚款，情节严重的，并可以吊销营业执照，由广告审查机关撤销广告审查批准文件、一年内不受理其广告审查申请；……：（一）发布有本法第九条、第十条规定的禁止情形的广告的；……"),
                new(AdvertisingLaw, "第九条", "第（三）项", "广告不得有下列情形：……（三）使用“国家级”、“最高级”、“最佳”等用语；……"),
            ],
            [Market, MarketStation], published);

        var ads55 = Published("140981CF02002", Market, "对发布虚假广告的行政处罚", ItemKind.Penalty,
            [new(AdvertisingLaw, "第五十五条", "第一款", "违反本法规定，发布虚假广告的，由工商行政管理部门责令停止发布广告，责令广告主在相应范围内消除影响，处广告费用三倍以上五倍以下的罚款，广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款；……")],
            [Market], _today.AddDays(-700));
        Amend(ads55, _today.AddDays(-120), c => c with
        {
            Bases = [new(AdvertisingLaw, "第五十五条", "第一款", "违反本法规定，发布虚假广告的，由市场监督管理部门责令停止发布广告，责令广告主在相应范围内消除影响，处广告费用三倍以上五倍以下的罚款，广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款；两年内有三次以上违法行为或者有其他严重情节的，处广告费用五倍以上十倍以下的罚款，广告费用无法计算或者明显偏低的，处一百万元以上二百万元以下的罚款，可以吊销营业执照，并由广告审查机关撤销广告审查批准文件、一年内不受理其广告审查申请。")],
            BodyIds = [Market, MarketStation],
        });
        Published("140981CF02003", Market, "对违反规定发布医疗、药品、医疗器械广告等行为的行政处罚", ItemKind.Penalty,
            [new(AdvertisingLaw, "第五十八条", "第一款", "有下列行为之一的，由市场监督管理部门责令停止发布广告，责令广告主在相应范围内消除影响，处广告费用一倍以上三倍以下的罚款，广告费用无法计算或者明显偏低的，处十万元以上二十万元以下的罚款；情节严重的，处广告费用三倍以上五倍以下的罚款，广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款，可以吊销营业执照，并由广告审查机关撤销广告审查批准文件、一年内不受理其广告审查申请：（一）违反本法第十六条规定发布医疗、药品、医疗器械广告的；……")],
            [Market], published);

        Published("140981CF03001", Market, "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚", ItemKind.Penalty,
            [new("中华人民共和国产品质量法", "第四十九条", null, "生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的，责令停止生产、销售，没收违法生产、销售的产品，并处违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额等值以上三倍以下的罚款；有违法所得的，并处没收违法所得；情节严重的，吊销营业执照；构成犯罪的，依法追究刑事责任。")],
            [Market, MarketStation], published);

        // Taken over from the catalogue published before Zhifa: one without any legal basis, one not used for years.
        Imported("140981CF09001", Market, "对违反商品条码管理规定的行政处罚", ItemKind.Penalty, [], [Market], _today.AddYears(-3));
        Imported("140981CF09002", Market, "对使用不合格计量器具或者破坏计量器具准确度的行政处罚", ItemKind.Penalty,
            [new("中华人民共和国计量法", "第二十六条", null, "使用不合格的计量器具或者破坏计量器具准确度，给国家和消费者造成损失的，责令赔偿损失，没收计量器具和违法所得，可以并处罚款。")],
            [Market], _today.AddYears(-7));
        var repealed = Published("140981CF09003", Market, "对无照经营行为的行政处罚", ItemKind.Penalty,
            [new("无照经营查处取缔办法", "第十四条", "第一款", "对于无照经营行为，由工商行政管理部门依法予以取缔，没收违法所得；触犯刑律的，依照刑法关于非法经营罪、重大责任事故罪、重大劳动安全事故罪、危险物品肇事罪或者其他罪的规定，依法追究刑事责任；尚不够刑事处罚的，并处2万元以下的罚款；……")],
            [Market], _today.AddDays(-900));
        Must(repealed.Abolish(_today.AddDays(-100), _today.AddDays(-100), _now));

        // The life cycle in progress: a draft, one waiting for the supervisor, one returned, one approved.
        Item("140981CF01004", Market, "对网络食品交易第三方平台提供者未履行审查、报告等义务的行政处罚", ItemKind.Penalty,
            [new(FoodSafetyLaw, "第一百三十一条", "第一款", "违反本法规定，网络食品交易第三方平台提供者未对入网食品经营者进行实名登记、审查许可证，或者未履行报告、停止提供网络交易平台服务等义务的，由县级以上人民政府食品安全监督管理部门责令改正，没收违法所得，并处五万元以上二十万元以下罚款；造成严重后果的，责令停业，直至由原发证部门吊销许可证；……")],
            [Market]);
        var submitted = Item("140981CF01005", Market, "对食品生产经营者拒不召回或者停止经营不符合食品安全标准的食品的行政处罚", ItemKind.Penalty,
            [new(FoodSafetyLaw, "第一百二十四条", "第一款第（九）项", "……（九）食品生产经营者在食品安全监督管理部门责令其召回或者停止经营后，仍拒不召回或者停止经营。")],
            [Market, MarketStation]);
        Must(submitted.Submit(_now));
        var returned = Item("140981CF01006", Market, "对未按要求进行食品贮存、运输和装卸的行政处罚", ItemKind.Penalty,
            [new(FoodSafetyLaw, "第一百三十二条", null, "违反本法规定，未按要求进行食品贮存、运输和装卸的，由县级以上人民政府食品安全监督管理等部门按照各自职责分工责令改正，给予警告；拒不改正的，责令停产停业，并处一万元以上五万元以下罚款；情节严重的，吊销许可证。")],
            [Market]);
        Must(returned.Submit(_now));
        Must(returned.Return("请核对实施主体：乡镇市场监督管理所是否同时实施本事项；条文请注明款项。", _now));

        // 交通运输, 应急管理, 自然资源
        Published("140981CF11001", Transport, "对未取得道路运输经营许可擅自从事道路客运经营的行政处罚", ItemKind.Penalty,
            [new("中华人民共和国道路运输条例", "第六十三条", "第（二）项", "违反本条例的规定，有下列情形之一的，由县级以上地方人民政府交通运输主管部门责令停止经营，并处罚款；构成犯罪的，依法追究刑事责任：……（二）未取得道路运输经营许可，擅自从事道路客运经营，违法所得超过2万元的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处1万元以上10万元以下的罚款；……")],
            [Transport], published);
        var approved = Item("140981CF11002", Transport, "对客运经营者、货运经营者使用卫星定位装置出现故障不能保持在线的运输车辆从事经营活动的行政处罚", ItemKind.Penalty,
            [new("道路运输车辆动态监督管理办法", "第三十七条", null, "违反本办法的规定，道路运输经营者使用卫星定位装置出现故障不能保持在线的运输车辆从事经营活动的，由县级以上道路运输管理机构责令改正。拒不改正的，处800元罚款。")],
            [Transport]);
        Must(approved.Submit(_now));
        Must(approved.Approve(_now));

        // Inspection items (行政检查) of the market and transport bureaus: the demo's plans and joint inspection draw on them.
        Published("140981JC01001", Market, "对食品经营者执行食品安全法律法规情况的监督检查", ItemKind.Inspection,
            [new(FoodSafetyLaw, "第一百一十条", "第一款", "县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责，有权采取下列措施，对生产经营者遵守本法的情况进行监督检查：（一）进入生产经营场所实施现场检查；（二）对生产经营的食品、食品添加剂、食品相关产品进行抽样检验；（三）查阅、复制有关合同、票据、账簿以及其他有关资料；……")],
            [Market, MarketStation], published);
        Published("140981JC11001", Transport, "对道路运输经营者遵守道路运输法规情况的监督检查", ItemKind.Inspection,
            [new("中华人民共和国道路运输条例", "第五十九条", null, "道路运输管理机构的工作人员实施监督检查时，可以向有关单位和个人了解情况，查阅、复制有关资料。但是，应当保守被调查单位和个人的商业秘密。")],
            [Transport], published);

        Published("140981CF21001", Emergency, "对未按照规定设置安全生产管理机构或者配备安全生产管理人员、注册安全工程师的行政处罚", ItemKind.Penalty,
            [new(SafetyLaw, "第九十七条", "第（一）项", "生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款：（一）未按照规定设置安全生产管理机构或者配备安全生产管理人员、注册安全工程师的；……")],
            [Emergency], published);
        Published("140981JC21001", Emergency, "对生产经营单位执行安全生产法律法规和国家标准、行业标准情况的监督检查", ItemKind.Inspection,
            [new(SafetyLaw, "第六十五条", "第一款", "应急管理部门和其他负有安全生产监督管理职责的部门依法开展安全生产行政执法工作，对生产经营单位执行有关安全生产的法律、法规和国家标准或者行业标准的情况进行监督检查，行使以下职权：（一）进入生产经营单位进行检查，调阅有关资料，向有关单位和人员了解情况；……")],
            [Emergency], published);

        Published("140981CF31001", Resources, "对非法占用土地的行政处罚", ItemKind.Penalty,
            [new(LandLaw, "第七十七条", "第一款", "未经批准或者采取欺骗手段骗取批准，非法占用土地的，由县级以上人民政府自然资源主管部门责令退还非法占用的土地，对违反土地利用总体规划擅自将农用地改为建设用地的，限期拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状，对符合土地利用总体规划的，没收在非法占用的土地上新建的建筑物和其他设施，可以并处罚款；……")],
            [Resources], published);
        Published("140981JC31001", Resources, "对违反土地管理法律、法规行为的监督检查", ItemKind.Inspection,
            [new(LandLaw, "第六十七条", "第一款", "县级以上人民政府自然资源主管部门对违反土地管理法律、法规的行为进行监督检查。")],
            [Resources], published);

        // Delegated to townships (乡镇赋权): one evaluated in time, one whose evaluation is overdue.
        const string delegationDocument = "原平市人民政府关于向乡镇（街道）赋予部分县级行政执法权的决定（原政发〔2024〕5号）";
        var homestead = Published("140981CF41001", Agriculture, "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的行政处罚", ItemKind.Penalty,
            [new(LandLaw, "第七十八条", "第一款", "农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的，由县级以上人民政府农业农村主管部门责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋。")],
            [Agriculture, Guoyang, Xuangang], _today.AddDays(-500),
            new TownshipDelegation(delegationDocument, _today.AddDays(-500), _today.AddDays(-135)));
        Must(homestead.RecordEvaluation(new DelegationEvaluation(_today.AddDays(-140), EvaluationResult.CanCarry, _today.AddDays(225),
            "崞阳镇、轩岗镇综合行政执法队已配备持证执法人员，承接情况良好。")));
        Published("140981CF51001", Comprehensive, "对在人口集中地区焚烧沥青、油毡、橡胶、塑料、皮革、垃圾等产生有毒有害烟尘和恶臭气体的物质的行政处罚", ItemKind.Penalty,
            [new(AirLaw, "第一百一十九条", "第二款", "违反本法规定，在人口集中地区和其他依法需要特殊保护的区域内，焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的，由县级人民政府确定的监督管理部门责令改正，对单位处一万元以上十万元以下的罚款，对个人处五百元以上二千元以下的罚款。")],
            [Comprehensive, Guoyang, Xuangang], _today.AddDays(-600),
            new TownshipDelegation(delegationDocument, _today.AddDays(-600), _today.AddDays(-60)));

        // 生态环境: a city benchmark and the county branch's refinement of it; the same provision as the comprehensive bureau's item.
        Published("140900CF61001", CityEcology, "对超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物的行政处罚", ItemKind.Penalty,
            [new(AirLaw, "第九十九条", "第（二）项", "违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭：……（二）超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的；……")],
            [CityEcology, EcologyBranch], published, level: RegionLevel.City);
        Published("140900QZ61001", CityEcology, "对造成或者可能造成严重污染的排放污染物的设施、设备的查封、扣押", ItemKind.Coercion,
            [new("中华人民共和国环境保护法", "第二十五条", null, "企业事业单位和其他生产经营者违反法律法规规定排放污染物，造成或者可能造成严重污染的，县级以上人民政府环境保护主管部门和其他负有环境保护监督管理职责的部门，可以查封、扣押造成污染物排放的设施、设备。")],
            [CityEcology, EcologyBranch], published, level: RegionLevel.City);
        Published("140981CF61001", EcologyBranch, "对在人口集中地区焚烧产生有毒有害烟尘和恶臭气体的物质的行政处罚", ItemKind.Penalty,
            [new(AirLaw, "第一百一十九条", "第二款", "违反本法规定，在人口集中地区和其他依法需要特殊保护的区域内，焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的，由县级人民政府确定的监督管理部门责令改正，对单位处一万元以上十万元以下的罚款，对个人处五百元以上二千元以下的罚款。")],
            [EcologyBranch], published);
    }

    private CatalogueItem Item(string code, Guid owner, string name, ItemKind kind, LegalBasis[] bases, Guid[] bodies,
        TownshipDelegation? delegation = null, RegionLevel level = RegionLevel.County)
    {
        var content = new ItemContent(name, kind, bases, bodies, level, delegation);
        var item = CatalogueItem.Create(DeterministicGuid.From("catalogue:" + code), VersionId(code, 1), owner, code, content, _now).Value;
        _db.CatalogueItems.Add(item);
        return item;
    }

    /// <summary>An item taken through review and published from <paramref name="from"/> (published that day, as it were).</summary>
    private CatalogueItem Published(string code, Guid owner, string name, ItemKind kind, LegalBasis[] bases, Guid[] bodies, DateOnly from,
        TownshipDelegation? delegation = null, RegionLevel level = RegionLevel.County)
    {
        var item = Item(code, owner, name, kind, bases, bodies, delegation, level);
        Must(item.Submit(At(from.AddDays(-20))));
        Must(item.Approve(At(from.AddDays(-10))));
        Must(item.Publish(from, from, At(from.AddDays(-1))));
        return item;
    }

    private void Imported(string code, Guid owner, string name, ItemKind kind, LegalBasis[] bases, Guid[] bodies, DateOnly from)
    {
        var content = new ItemContent(name, kind, bases, bodies, RegionLevel.County);
        _db.CatalogueItems.Add(CatalogueItem.Import(DeterministicGuid.From("catalogue:" + code), VersionId(code, 1), owner, code, content, from, _now).Value);
    }

    private void Amend(CatalogueItem item, DateOnly from, Func<ItemContent, ItemContent> change)
    {
        var version = item.Amend(VersionId(item.Code, item.Versions.Count + 1), _now).Value;
        _db.CatalogueItemVersions.Add(version);
        Must(item.Edit(change(version.Content), At(from.AddDays(-30))));
        Must(item.Submit(At(from.AddDays(-20))));
        Must(item.Approve(At(from.AddDays(-10))));
        Must(item.Publish(from, from, At(from.AddDays(-1))));
    }

    /// <summary>A working morning in China on that day, as UTC: when the demo's past steps happened.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);

    private static Guid VersionId(string code, int number) => DeterministicGuid.From($"catalogue-version:{code}:{number}");

    private static void Must(Error? error)
    {
        if (error is not null)
            throw new InvalidOperationException("Demo catalogue: " + error.Describe());
    }
}
