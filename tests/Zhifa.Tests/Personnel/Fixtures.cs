using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Tests.Personnel;

/// <summary>Reversible and obviously not encryption: enough to see that the plain number is not what is stored.</summary>
internal sealed class FakeProtector : IIdNumberProtector
{
    public string Protect(string idNumber) => "enc:" + new string(idNumber.Reverse().ToArray());

    public string Unprotect(string protectedIdNumber) => new(protectedIdNumber["enc:".Length..].Reverse().ToArray());
}

/// <summary>Officers, certificates and evidence for personnel tests, built through the domain's own factories.</summary>
internal static class Fixtures
{
    public static readonly DateTime Now = new(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = new(2026, 11, 21);
    public static readonly byte[] Pepper = "zhifa-test-pepper-0123456789"u8.ToArray();
    public static readonly Guid Body = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    public static readonly Guid OtherBody = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    public static readonly Guid RegionId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Actor = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    public const string RegionCode = "140981";
    public const string ValidId = "140981199003071234";

    public static OfficerProfile Profile(Guid? body = null, params Sector[] fields) =>
        new("张三", body ?? Body, null, "执法队员", false, fields.Length == 0 ? [Sector.MarketRegulation, Sector.Health] : fields);

    public static StoredIdNumber Stored(string idNumber = ValidId) =>
        StoredIdNumber.Create(idNumber, Today, new FakeProtector(), Pepper).Value;

    public static Officer NewOfficer(DateOnly? joinedOn = null, string idNumber = ValidId, Guid? body = null) =>
        Officer.Register(Profile(body), Stored(idNumber), _ => false, joinedOn ?? new DateOnly(2020, 1, 1), Actor, Now).Value;

    public static ExamSession Session(DateOnly heldOn, PersonnelSettings? settings = null) =>
        ExamSession.Schedule(RegionId, "2021年行政执法资格考试", heldOn, settings ?? PersonnelSettings.Default, Now).Value;

    public static ExamResult Passed(Officer officer, DateOnly heldOn) => ExamResult.Record(Session(heldOn), officer, 85, false, Now).Value;

    /// <summary>30 hours of public legal knowledge and 30 of business training, ending on <paramref name="on"/>.</summary>
    public static AttendedHours[] FullTraining(Officer officer, DateOnly on) =>
    [
        new(officer.Id, on, TrainingCategory.PublicLegal, 30),
        new(officer.Id, on, TrainingCategory.Business, 30),
    ];

    public static IssuanceEvidence Evidence(Officer officer, DateOnly issuedOn, params Certificate[] held) =>
        new([Passed(officer, issuedOn.AddMonths(-2))], FullTraining(officer, issuedOn.AddMonths(-1)), held);

    public static CertificateApplication Application(DateOnly issuedOn, string? number = null, params Sector[] fields) =>
        new(number ?? $"{RegionCode}{issuedOn.Year}00001", RegionId, RegionCode, fields.Length == 0 ? [Sector.MarketRegulation] : fields, issuedOn, Actor);

    public static Result<Certificate> TryIssue(Officer officer, DateOnly issuedOn, string? number = null, PersonnelSettings? settings = null) =>
        Certificate.Issue(Application(issuedOn, number), officer, Evidence(officer, issuedOn), settings ?? PersonnelSettings.Default, _ => false, Now);

    /// <summary>A certificate in the market-regulation field, issued on 2022-01-10 and so valid to 2027-01-09.</summary>
    public static Certificate NewCertificate(Officer? officer = null, DateOnly? issuedOn = null) =>
        TryIssue(officer ?? NewOfficer(), issuedOn ?? new DateOnly(2022, 1, 10)).Value;

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
