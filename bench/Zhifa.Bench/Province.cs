using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Bench;

/// <summary>
/// The rest of the province around the demo's 山西省 → 忻州市 → 原平市: the other cities, counties under every city, townships
/// under every county, a justice bureau (the region's supervisor) and the enforcement bodies of the usual sectors in each
/// county, and officers with valid certificates in every body. Rows go in by bulk copy with the tree's materialised paths
/// (<see cref="Organization.Path"/>: the ids from the root, as <c>/{id:N}/</c> segments) exactly as <see cref="Lineage"/> sets them.
/// Ids are derived from the seed and the name, so a run with the same seed writes the same tree.
/// </summary>
internal sealed class Province(Sink writer, int seed, DateTime now)
{
    private static readonly (string Name, string Code)[] Cities =
    [
        ("太原市", "1401"), ("大同市", "1402"), ("阳泉市", "1403"), ("长治市", "1404"), ("晋城市", "1405"),
        ("朔州市", "1406"), ("晋中市", "1407"), ("运城市", "1408"), ("忻州市", "1409"), ("临汾市", "1410"), ("吕梁市", "1411"),
    ];

    private static readonly string[] First = ["清", "平", "安", "和", "永", "寿", "定", "宁", "兴", "昌", "泰", "丰", "嘉", "祥", "福", "瑞", "康", "乐", "河", "山"];
    private static readonly string[] Second = ["源", "阳", "川", "城", "远", "谷", "泉", "乡", "津", "原", "陵", "台", "水", "林", "峰", "池", "关", "堡", "岭", "州"];

    /// <summary>The county bodies besides the justice bureau: the sector and the name's ending.</summary>
    private static readonly (Sector Sector, string Suffix)[] Sectors =
    [
        (Sector.MarketRegulation, "市场监督管理局"), (Sector.Transport, "交通运输局"), (Sector.ComprehensiveEnforcement, "综合行政执法局"),
        (Sector.NaturalResources, "自然资源局"), (Sector.EmergencyManagement, "应急管理局"), (Sector.Agriculture, "农业农村局"),
        (Sector.CultureTourism, "文化和旅游局"), (Sector.Health, "卫生健康局"),
    ];

    private int _serial;

    public sealed record Counts(int Regions, int Bodies, int Officers);

    /// <summary>
    /// Writes <paramref name="counties"/> counties spread over the eleven cities (the demo's 原平市 is one of them and is
    /// left as the demo made it), with <paramref name="townships"/> townships each and <paramref name="officersPerBody"/>
    /// officers in each body.
    /// </summary>
    public async Task<Counts> WriteAsync(IReadOnlyDictionary<string, (Guid Id, string Path)> existingRegions, int counties, int townships, int officersPerBody,
        Random rng, CancellationToken ct)
    {
        var province = existingRegions["140000"];
        var regions = new List<Dictionary<string, object?>>();
        var bodies = new List<Dictionary<string, object?>>();
        var officers = new List<Dictionary<string, object?>>();
        var certificates = new List<Dictionary<string, object?>>();
        var supervisors = new List<(Guid Region, Guid Bureau)>();

        var cityNodes = new List<(string Name, string Code, Guid Id, string Path)>();
        foreach (var (name, code4) in Cities)
        {
            var code = code4 + "00";
            if (existingRegions.TryGetValue(code, out var known))
            {
                cityNodes.Add((name, code, known.Id, known.Path));
                continue;
            }
            var id = Id("region:" + code);
            var path = province.Path + id.ToString("N") + "/";
            regions.Add(RegionRow(id, name, code, RegionLevel.City, province.Id, path, 1));
            cityNodes.Add((name, code, id, path));
            var bureau = Body(bodies, $"{name}司法局", Sector.Justice, id, path, code);
            supervisors.Add((id, bureau));
        }

        var written = 0;
        for (var i = 0; written < counties && i < 99 * cityNodes.Count; i++)
        {
            var city = cityNodes[i % cityNodes.Count];
            var number = 1 + i / cityNodes.Count;
            var code = city.Code[..4] + number.ToString("D2", CultureInfo.InvariantCulture);
            if (existingRegions.ContainsKey(code))
                continue;
            var name = First[i % First.Length] + Second[(i / First.Length) % Second.Length] + (i % 3 == 0 ? "区" : "县");
            var id = Id("region:" + code);
            var path = city.Path + id.ToString("N") + "/";
            regions.Add(RegionRow(id, name, code, RegionLevel.County, city.Id, path, 2));
            for (var t = 1; t <= townships; t++)
            {
                var townCode = code + t.ToString("D3", CultureInfo.InvariantCulture);
                var townId = Id("region:" + townCode);
                regions.Add(RegionRow(townId, $"{name}第{t.ToString(CultureInfo.InvariantCulture)}镇", townCode, RegionLevel.Township, id, path + townId.ToString("N") + "/", 3));
            }
            supervisors.Add((id, Body(bodies, name + "司法局", Sector.Justice, id, path, code)));
            foreach (var (sector, suffix) in Sectors)
            {
                var body = Body(bodies, name + suffix, sector, id, path, code);
                for (var k = 0; k < officersPerBody; k++)
                    Officer(officers, certificates, body, sector, id, code, rng);
            }
            written++;
        }

        await writer.WriteRowsAsync(typeof(Region), regions, ct);
        await writer.WriteRowsAsync(typeof(EnforcementBody), bodies, ct);
        await writer.WriteRowsAsync(typeof(Officer), officers, ct);
        await writer.WriteRowsAsync(typeof(Certificate), certificates, ct);
        // Each region's supervising justice bureau (the region and the bureau point at each other, so this comes after both).
        foreach (var (region, bureau) in supervisors)
            await Sql.ExecuteAsync(writer.Connection, "UPDATE \"Organizations\" SET \"SupervisingBodyId\" = @bureau WHERE \"Id\" = @region", ct,
                ("bureau", bureau), ("region", region));
        return new Counts(regions.Count, bodies.Count, officers.Count);
    }

    private Guid Id(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"bench:{seed.ToString(CultureInfo.InvariantCulture)}:{name}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    private Dictionary<string, object?> RegionRow(Guid id, string name, string code, RegionLevel level, Guid parent, string path, int depth) => new()
    {
        ["Id"] = id, ["Kind"] = nameof(OrganizationKind.Region), ["Name"] = name, ["ParentId"] = parent, ["Path"] = path, ["Depth"] = depth,
        ["AgencyId"] = null, ["RegionPath"] = path, ["SortOrder"] = 0, ["IsActive"] = true, ["CreatedAt"] = now, ["UpdatedAt"] = now,
        ["DeactivatedAt"] = null, ["Code"] = code, ["Level"] = level.ToString(), ["SupervisingBodyId"] = null, ["Version"] = 0,
    };

    /// <summary>A body placed directly under its region: its path continues the region's, it is its own agency.</summary>
    private Guid Body(List<Dictionary<string, object?>> rows, string name, Sector sector, Guid region, string regionPath, string code)
    {
        var id = Id("body:" + name + ":" + code);
        var stem = "11" + code + "MB" + (++_serial).ToString("D7", CultureInfo.InvariantCulture);
        rows.Add(new()
        {
            ["Id"] = id, ["Kind"] = nameof(OrganizationKind.Body), ["Name"] = name, ["ParentId"] = region, ["Path"] = regionPath + id.ToString("N") + "/",
            ["Depth"] = regionPath.Count(c => c == '/') - 1, ["AgencyId"] = id, ["RegionPath"] = regionPath, ["SortOrder"] = 0, ["IsActive"] = true,
            ["CreatedAt"] = now, ["UpdatedAt"] = now, ["DeactivatedAt"] = null, ["CreditCode"] = CreditCode.WithCheck(stem),
            ["BodyKind"] = nameof(BodyKind.AdministrativeOrgan), ["Sector"] = sector.ToString(), ["LegalStatus"] = nameof(LegalStatus.GovernmentLegalPerson),
            ["EstablishmentBasis"] = "机构设置方案", ["RegionId"] = region, ["Duties"] = null, ["Version"] = 0,
        });
        return id;
    }

    private void Officer(List<Dictionary<string, object?>> officers, List<Dictionary<string, object?>> certificates, Guid body, Sector sector,
        Guid region, string code, Random rng)
    {
        var serial = ++_serial;
        var id = Id("officer:" + serial.ToString(CultureInfo.InvariantCulture));
        var idNumber = "BENCH" + serial.ToString("D13", CultureInfo.InvariantCulture);
        officers.Add(new()
        {
            ["Id"] = id, ["FullName"] = Generator.PersonName(rng), ["IdNumberHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idNumber))),
            // Not a real ID number and not encrypted with the app's key: the registry shows the masked form, which is all a list needs.
            ["IdNumberProtected"] = "bench", ["IdNumberMasked"] = code[..2] + "************" + (serial % 10_000).ToString("D4", CultureInfo.InvariantCulture),
            ["BodyId"] = body, ["UnitId"] = null, ["Post"] = "执法队员", ["HasLegalQualification"] = rng.Next(10) == 0,
            ["Fields"] = new List<Sector> { sector }, ["EmploymentStatus"] = nameof(EmploymentStatus.Active), ["CreatedAt"] = now, ["UpdatedAt"] = now, ["Version"] = 0,
        });
        var issued = DateOnly.FromDateTime(now).AddDays(-rng.Next(30, 4 * 365));
        certificates.Add(new()
        {
            ["Id"] = Id("certificate:" + serial.ToString(CultureInfo.InvariantCulture)),
            ["Number"] = code + issued.Year.ToString("D4", CultureInfo.InvariantCulture) + (serial % 100_000).ToString("D5", CultureInfo.InvariantCulture),
            ["OfficerId"] = id, ["BodyId"] = body, ["RegionId"] = region, ["IssuedOn"] = issued, ["ValidUntil"] = issued.AddYears(5),
            ["Fields"] = new List<Sector> { sector }, ["Status"] = nameof(CertificateStatus.Valid), ["SuspendedUntil"] = null, ["ReviewHold"] = false,
            ["LastReviewedYear"] = null, ["CreatedAt"] = now, ["UpdatedAt"] = now, ["Version"] = 0,
        });
    }
}
