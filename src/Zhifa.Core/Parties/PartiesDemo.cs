using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Parties;

/// <summary>
/// Demo parties in 原平市 and its townships: enterprises and other organisations with valid credit codes, individual businesses,
/// and natural persons with checksum-valid (fictitious) ID numbers; varied industries and credit grades. Codes and ids are fixed.
/// </summary>
internal static class PartiesDemo
{
    private sealed record Demo(PartyKind Kind, string Name, string Region, string? Stem, string? Person, string? Address,
        IndustrySection? Industry, CreditGrade? Grade, string? Phone = null, string? Tags = null);

    private static readonly Demo[] Parties =
    [
        new(PartyKind.Enterprise, "原平市晋北食品有限公司", "140981", "91140981MA0GQ1001", "李建国", "原平市北城街道新原路18号", IndustrySection.C, CreditGrade.A, "0350-8521001", "食品生产、肉制品"),
        new(PartyKind.Enterprise, "原平市惠民超市有限公司", "140981001", "91140981MA0GQ1002", "王秀英", "原平市北城街道前进街66号", IndustrySection.F, CreditGrade.B, "13935001002", "食品经营、冷链食品"),
        new(PartyKind.Enterprise, "山西原平宏达运输有限公司", "140981002", "91140981MA0GQ1003", "张志强", "原平市南城街道大运路9号", IndustrySection.G, CreditGrade.C, "13935001003"),
        new(PartyKind.Enterprise, "原平市康泰大药房连锁有限公司", "140981", "91140981MA0GQ1004", "刘桂兰", "原平市北城街道健康路21号", IndustrySection.F, CreditGrade.A, null, "药品经营"),
        new(PartyKind.Enterprise, "原平市鑫源煤业有限责任公司", "140981105", "91140981MA0GQ1005", "赵永刚", "原平市轩岗镇工业园区", IndustrySection.B, CreditGrade.D, "13935001005", "安全生产重点、职工食堂"),
        new(PartyKind.Enterprise, "原平市崞阳酒店管理有限公司", "140981100", "91140981MA0GQ1006", "孙丽华", "原平市崞阳镇东街3号", IndustrySection.H, CreditGrade.B),
        new(PartyKind.Enterprise, "原平市绿野农业开发有限公司", "140981101", "91140981MA0GQ1007", "周文明", "原平市大牛店镇大牛店村", IndustrySection.A, CreditGrade.B),
        new(PartyKind.Enterprise, "原平市恒信建筑工程有限公司", "140981", "91140981MA0GQ1008", "吴国庆", "原平市南城街道建设路120号", IndustrySection.E, null),
        new(PartyKind.IndividualBusiness, "原平市北城街道老王烩面馆", "140981001", "92140981MA0GQ2001", "王建军", "原平市北城街道中兴街12号", IndustrySection.H, CreditGrade.B, "13935002001"),
        new(PartyKind.IndividualBusiness, "原平市崞阳镇李记五金店", "140981100", "92140981MA0GQ2002", "李小平", "原平市崞阳镇西街8号", IndustrySection.F, null, "13935002002"),
        new(PartyKind.IndividualBusiness, "原平市闫庄镇便民小卖部", "140981102", null, "陈红梅", "原平市闫庄镇闫庄村", IndustrySection.F, null),
        new(PartyKind.OtherOrganization, "原平市第二中学", "140981", "12140981MA0GQ3001", "高建华", "原平市北城街道育才路5号", IndustrySection.P, null),
        new(PartyKind.OtherOrganization, "原平市个体劳动者协会", "140981", "51140981MA0GQ3002", "郑玉梅", "原平市北城街道新原路2号", IndustrySection.S, null),
        new(PartyKind.NaturalPerson, "韩志明", "140981", null, "14098119780415203", "原平市北城街道幸福小区3号楼", null, null, "13935003001"),
        new(PartyKind.NaturalPerson, "冯淑芬", "140981100", null, "14098119850922304", "原平市崞阳镇南街15号", null, null, "13935003002"),
        new(PartyKind.NaturalPerson, "曹国栋", "140981105", null, "14098119910308101", "原平市轩岗镇轩岗村", null, null),
    ];

    /// <summary>A demo party's id, from its name.</summary>
    public static Guid Id(string name) => Zhifa.Core.Common.DeterministicGuid.From("party:" + name);

    public static void Seed(ZhifaDbContext db, IIdNumberProtector protector, ReadOnlySpan<byte> pepper, DateTime now, IReadOnlyDictionary<string, Region> regions)
    {
        foreach (var d in Parties)
        {
            var region = regions[d.Region];
            var person = d.Kind == PartyKind.NaturalPerson;
            var idNumber = person ? new StoredIdNumber(IdNumber.Hash(IdNumber.WithCheck(d.Person!), pepper), protector.Protect(IdNumber.WithCheck(d.Person!)),
                IdNumber.Mask(IdNumber.WithCheck(d.Person!))) : null;
            var profile = new PartyProfile(d.Kind, d.Name, d.Stem is null ? null : PartyCreditCode.WithCheck(d.Stem), person ? null : d.Person,
                d.Address, d.Industry, d.Grade, d.Phone, region.Id, d.Tags);
            if (Party.Check(profile) is { } invalid)
                throw new InvalidOperationException($"Demo party {d.Name} is invalid: {invalid.Describe()}");
            db.Parties.Add(Party.Register(profile, idNumber, region.Path, now, Id(d.Name)));
        }
    }
}
