using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Demo;

namespace Zhifa.Core.Organizations;

/// <summary>
/// The demo organisation tree: 山西省 → 忻州市 → 原平市 and its townships, the justice bureaus that supervise each
/// government, and enforcement bodies of several sectors with their units. Ids are derived from names (<see cref="DemoData.Ids"/>).
/// </summary>
internal static class OrganizationsDemo
{
    public static async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var db = demo.Db;
        var now = demo.Now;
        var builder = new TreeBuilder(db, now);

        var shanxi = builder.Region("山西省", "140000", null);
        var xinzhou = builder.Region("忻州市", "140900", shanxi);
        var yuanping = builder.Region("原平市", "140981", xinzhou);
        var townships = new[]
        {
            ("北城街道", "140981001"), ("南城街道", "140981002"), ("崞阳镇", "140981100"),
            ("大牛店镇", "140981101"), ("闫庄镇", "140981102"), ("轩岗镇", "140981105"),
        }.ToDictionary(t => t.Item1, t => builder.Region(t.Item1, t.Item2, yuanping));

        var shanxiJustice = builder.Body("山西省司法厅", shanxi, shanxi, Sector.Justice, BodyKind.AdministrativeOrgan, "山西省人民政府机构设置方案");
        builder.Units(shanxiJustice, "行政执法协调监督处", "办公室");

        var xinzhouJustice = builder.Body("忻州市司法局", xinzhou, xinzhou, Sector.Justice, BodyKind.AdministrativeOrgan, "忻州市人民政府机构设置方案");
        builder.Units(xinzhouJustice, "行政执法协调监督科", "办公室");
        var xinzhouEcology = builder.Body("忻州市生态环境局", xinzhou, xinzhou, Sector.EcologyEnvironment, BodyKind.AdministrativeOrgan, "忻州市人民政府机构设置方案");
        builder.Units(xinzhouEcology, "法规科", "生态环境保护综合行政执法支队");
        var ecologyBranch = builder.Body("忻州市生态环境局原平分局", xinzhouEcology, yuanping, Sector.EcologyEnvironment, BodyKind.AdministrativeOrgan, "生态环境机构监测监察执法垂直管理制度改革实施方案");
        builder.Units(ecologyBranch, "综合股", "执法大队");

        var justice = builder.Body("原平市司法局", yuanping, yuanping, Sector.Justice, BodyKind.AdministrativeOrgan, "原平市人民政府机构设置方案");
        builder.Units(justice, "行政执法协调监督股", "法治督察股", "办公室");

        var market = builder.Body("原平市市场监督管理局", yuanping, yuanping, Sector.MarketRegulation, BodyKind.AdministrativeOrgan, "原平市人民政府机构设置方案");
        builder.Units(market, "办公室", "法规股", "食品安全监督管理股", "药品医疗器械监督管理股", "综合行政执法队");
        var guoyangMarket = builder.Body("原平市市场监督管理局崞阳市场监督管理所", market, townships["崞阳镇"], Sector.MarketRegulation, BodyKind.AuthorizedOrganization, "《中华人民共和国行政处罚法》第十八条；《市场监督管理行政处罚程序规定》");
        builder.Units(guoyangMarket, "综合执法组");

        var comprehensive = builder.Body("原平市综合行政执法局", yuanping, yuanping, Sector.ComprehensiveEnforcement, BodyKind.AdministrativeOrgan, "山西省综合行政执法改革方案");
        builder.Units(comprehensive, "办公室", "法制股", "市容环境执法大队", "城市规划执法大队");
        var service = builder.Body("原平市城市管理综合执法服务中心", comprehensive, yuanping, Sector.ComprehensiveEnforcement, BodyKind.EntrustedOrganization, "原平市综合行政执法局行政执法委托书（原综执委〔2024〕1号）", LegalStatus.InstitutionLegalPerson);
        builder.Units(service, "巡查中队");

        var transport = builder.Body("原平市交通运输局", yuanping, yuanping, Sector.Transport, BodyKind.AdministrativeOrgan, "原平市人民政府机构设置方案");
        builder.Units(transport, "办公室", "法制股", "交通运输综合行政执法大队");
        var resources = builder.Body("原平市自然资源局", yuanping, yuanping, Sector.NaturalResources, BodyKind.AdministrativeOrgan, "原平市人民政府机构设置方案");
        builder.Units(resources, "办公室", "政策法规股", "执法监察大队");
        var emergency = builder.Body("原平市应急管理局", yuanping, yuanping, Sector.EmergencyManagement, BodyKind.AdministrativeOrgan, "原平市人民政府机构设置方案");
        builder.Units(emergency, "办公室", "政策法规股", "应急管理综合行政执法队");
        var agriculture = builder.Body("原平市农业农村局", yuanping, yuanping, Sector.Agriculture, BodyKind.AdministrativeOrgan, "原平市人民政府机构设置方案");
        builder.Units(agriculture, "办公室", "农业综合行政执法队");

        foreach (var town in new[] { "崞阳镇", "轩岗镇" })
        {
            var government = builder.Body($"原平市{town}人民政府", townships[town], townships[town], Sector.ComprehensiveEnforcement, BodyKind.AdministrativeOrgan, "山西省人民政府关于向乡镇（街道）赋予部分县级行政执法权的决定");
            builder.Units(government, "综合行政执法队", "党政综合办公室");
        }

        // A region and the bureau under it point at each other: insert the tree first, then name the supervisors.
        await db.SaveChangesAsync(ct);
        shanxi.SetSupervisingBody(shanxiJustice.Id, now);
        xinzhou.SetSupervisingBody(xinzhouJustice.Id, now);
        yuanping.SetSupervisingBody(justice.Id, now);
        await db.SaveChangesAsync(ct);
    }

    private sealed class TreeBuilder(ZhifaDbContext db, DateTime now)
    {
        private int _serial;

        public Region Region(string name, string code, Region? parent)
        {
            var region = new Region(DemoData.Ids.Region(code), name, code, RegionCode.LevelOf(code)!.Value, now);
            return Place(region, parent, null);
        }

        public EnforcementBody Body(string name, Organization parent, Region region, Sector sector, BodyKind kind, string basis,
            LegalStatus status = LegalStatus.GovernmentLegalPerson)
        {
            var creditCode = DemoCreditCode(status == LegalStatus.GovernmentLegalPerson ? "11" : "12", region.Code[..6], ++_serial);
            var body = new EnforcementBody(DemoData.Ids.Body(name), name, new BodyDetails(creditCode, kind, sector, status, basis), region.Id, now);
            return Place(body, parent, region);
        }

        public void Units(EnforcementBody body, params string[] names)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var unit = Place(new OrgUnit(DemoData.Ids.Unit(body.Name, names[i]), names[i], null, now), body, null);
                unit.Rename(unit.Name, i + 1, now);
            }
        }

        private T Place<T>(T node, Organization? parent, Region? bodyRegion) where T : Organization
        {
            node.PlaceUnder(parent, now);
            Lineage.Apply(node, parent, bodyRegion);
            db.Organizations.Add(node);
            return node;
        }
    }

    /// <summary>A credit code that passes GB 32100 (and GB 11714 for its organisation-code part).</summary>
    internal static string DemoCreditCode(string prefix, string regionCode, int serial)
    {
        var org8 = (11_400_000 + serial * 7_919).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += (org8[i] - '0') * weights[i];
        var c9 = 11 - (sum % 11);
        var check = c9 == 10 ? "X" : c9 == 11 ? "0" : c9.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CreditCode.WithCheck(prefix + regionCode + org8 + check);
    }
}
