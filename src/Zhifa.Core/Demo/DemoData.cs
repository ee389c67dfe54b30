using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Demo;

/// <summary>
/// A believable slice of Shanxi: 山西省 → 忻州市 → 原平市 and its townships, the justice bureaus
/// that supervise each government, and enforcement bodies of several sectors with their units.
/// Ids are derived from names, so every load is identical. Later features add their part here.
/// </summary>
public sealed class DemoData(ZhifaDbContext db, TimeProvider clock, PasswordHasher hasher, IIdNumberProtector protector, IdNumberPepper pepper)
{
    /// <summary>The password of every demo user (listed in the README and printed when the demo data loads).</summary>
    public const string DemoPassword = "Zhifa@2026";

    /// <summary>Demo users: one for each shipped role, in the demo organisations.</summary>
    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin", "省级管理员", "山西省司法厅", null, RoleTemplates.Administrator, DataScopeKind.RegionSubtree),
        new("yp.admin", "原平市系统管理员", "原平市司法局", null, RoleTemplates.Administrator, DataScopeKind.RegionSubtree),
        new("yp.supervisor", "李监督", "原平市司法局", "行政执法协调监督股", RoleTemplates.Supervisor, DataScopeKind.RegionSubtree),
        new("xz.supervisor", "周监督", "忻州市司法局", "行政执法协调监督科", RoleTemplates.Supervisor, DataScopeKind.RegionSubtree),
        new("yp.market.head", "王局长", "原平市市场监督管理局", null, RoleTemplates.AgencyHead, DataScopeKind.AgencyAndSubordinates),
        new("yp.market.reviewer", "赵审核", "原平市市场监督管理局", "法规股", RoleTemplates.LegalReviewer, DataScopeKind.Agency),
        new("yp.market.officer", "张伟", "原平市市场监督管理局", "综合行政执法队", RoleTemplates.Officer, DataScopeKind.Agency, Officer: "张伟"),
        new("yp.transport.officer", "周杰", "原平市交通运输局", "交通运输综合行政执法大队", RoleTemplates.Officer, DataScopeKind.Agency, Officer: "周杰"),
    ];

    /// <param name="Officer">The demo officer (by name) whose account this is, for enforcement staff.</param>
    public sealed record DemoUser(string UserName, string FullName, string Body, string? Unit, string Role, DataScopeKind Scope, string? Officer = null);

    public static class Ids
    {
        public static readonly Guid Shanxi = Region("140000");
        public static readonly Guid Xinzhou = Region("140900");
        public static readonly Guid Yuanping = Region("140981");
        public static readonly Guid Guoyang = Region("140981100");
        public static readonly Guid YuanpingJustice = Body("原平市司法局");
        public static readonly Guid YuanpingMarket = Body("原平市市场监督管理局");
        public static readonly Guid YuanpingComprehensive = Body("原平市综合行政执法局");
        public static readonly Guid YuanpingTransport = Body("原平市交通运输局");
        public static readonly Guid YuanpingNaturalResources = Body("原平市自然资源局");
        public static readonly Guid YuanpingEmergency = Body("原平市应急管理局");
        public static readonly Guid XinzhouEcology = Body("忻州市生态环境局");
        public static readonly Guid YuanpingEcologyBranch = Body("忻州市生态环境局原平分局");

        public static Guid Region(string code) => DeterministicGuid.From("region:" + code);
        public static Guid Body(string name) => DeterministicGuid.From("body:" + name);
        public static Guid Unit(string body, string name) => DeterministicGuid.From("unit:" + body + "/" + name);
    }

    /// <summary>Loads the demo data unless the database already holds organisations. Returns whether it loaded.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Organizations.AnyAsync(ct))
            return false;
        // The first protection creates the key ring, which is stored in its own transaction: do it before ours begins.
        protector.Protect("warm-up");
        var now = clock.GetUtcNow().UtcDateTime;
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        shanxi.SetSupervisingBody(shanxiJustice.Id, now);
        xinzhou.SetSupervisingBody(xinzhouJustice.Id, now);
        yuanping.SetSupervisingBody(justice.Id, now);
        await db.SaveChangesAsync(ct);
        await SeedUsersAsync(now, ct);
        var today = clock.Today();
        PersonnelDemo.Seed(db, protector, pepper.Value, today, now,
            db.ChangeTracker.Entries<Region>().Select(e => e.Entity).ToDictionary(r => r.Id),
            db.ChangeTracker.Entries<EnforcementBody>().Select(e => e.Entity).ToDictionary(b => b.Id));
        // The officers' own accounts point at their registry records.
        foreach (var u in Users.Where(u => u.Officer is not null))
            db.Users.Local.Single(x => x.UserName == u.UserName).LinkOfficer(DeterministicGuid.From("personnel:officer:" + u.Officer), now);
        await db.SaveChangesAsync(ct);
        await Catalogue.CatalogueDemo.SeedAsync(db, clock, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task SeedUsersAsync(DateTime now, CancellationToken ct)
    {
        await new EnsureRoleTemplates(db, clock).ExecuteAsync(ct);
        foreach (var u in Users)
        {
            var org = u.Unit is null ? Ids.Body(u.Body) : Ids.Unit(u.Body, u.Unit);
            var user = new User(DeterministicGuid.From("user:" + u.UserName), u.UserName, u.FullName, org, hasher.Hash(DemoPassword), mustChangePassword: false, now);
            db.Users.Add(user);
            db.RoleAssignments.Add(new RoleAssignment(DeterministicGuid.From($"assignment:{u.UserName}:{u.Role}"), user.Id,
                EnsureRoleTemplates.IdOf(u.Role), org, u.Scope, [], now));
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed class TreeBuilder(ZhifaDbContext db, DateTime now)
    {
        private int _serial;

        public Region Region(string name, string code, Region? parent)
        {
            var region = new Region(Ids.Region(code), name, code, RegionCode.LevelOf(code)!.Value, now);
            return Place(region, parent, null);
        }

        public EnforcementBody Body(string name, Organization parent, Region region, Sector sector, BodyKind kind, string basis,
            LegalStatus status = LegalStatus.GovernmentLegalPerson)
        {
            var creditCode = DemoCreditCode(status == LegalStatus.GovernmentLegalPerson ? "11" : "12", region.Code[..6], ++_serial);
            var body = new EnforcementBody(Ids.Body(name), name, new BodyDetails(creditCode, kind, sector, status, basis), region.Id, now);
            return Place(body, parent, region);
        }

        public void Units(EnforcementBody body, params string[] names)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var unit = Place(new OrgUnit(Ids.Unit(body.Name, names[i]), names[i], null, now), body, null);
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
