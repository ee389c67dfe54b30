using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel;

/// <summary>
/// Demo officers across the demo bodies with certificates in every state (valid, suspended by sanction
/// and by a failed review, revoked, cancelled on leaving, expired) and training that leaves some short.
/// Dates are relative to today, so the demo always looks current; numbers and ids are fixed.
/// </summary>
internal static class PersonnelDemo
{
    private sealed record Person(string Name, string Body, string? Unit, string Post, Sector Field, string Birth, bool Legal, string Story);

    private static readonly Person[] People =
    [
        new("张伟", "原平市市场监督管理局", "综合行政执法队", "执法队员", Sector.MarketRegulation, "19850312", false, "valid"),
        new("王芳", "原平市市场监督管理局", "食品安全监督管理股", "股长", Sector.MarketRegulation, "19880721", false, "short"),
        new("李娜", "原平市市场监督管理局", "综合行政执法队", "执法队员", Sector.MarketRegulation, "19900105", false, "suspended"),
        new("刘洋", "原平市市场监督管理局", "法规股", "法制审核员", Sector.MarketRegulation, "19870930", true, "valid"),
        new("陈静", "原平市市场监督管理局", "药品医疗器械监督管理股", "科员", Sector.MarketRegulation, "19921118", false, "resigned"),
        new("杨帆", "原平市市场监督管理局", "综合行政执法队", "执法队员", Sector.MarketRegulation, "19860214", false, "revoked"),
        new("赵磊", "原平市市场监督管理局", "综合行政执法队", "执法队员", Sector.MarketRegulation, "19790608", false, "expired"),
        new("黄敏", "原平市市场监督管理局", "综合行政执法队", "执法队员", Sector.MarketRegulation, "19990423", false, "newcomer"),
        new("周杰", "原平市交通运输局", "交通运输综合行政执法大队", "大队长", Sector.Transport, "19830817", false, "valid"),
        new("吴强", "原平市交通运输局", "交通运输综合行政执法大队", "执法队员", Sector.Transport, "19910302", false, "short"),
        new("徐丽", "原平市综合行政执法局", "市容环境执法大队", "执法队员", Sector.ComprehensiveEnforcement, "19890611", false, "valid"),
        new("孙浩", "原平市综合行政执法局", "城市规划执法大队", "执法队员", Sector.ComprehensiveEnforcement, "19840927", false, "review_failed"),
        new("马超", "原平市应急管理局", "应急管理综合行政执法队", "执法队员", Sector.EmergencyManagement, "19860719", false, "valid"),
        new("朱琳", "原平市自然资源局", "执法监察大队", "执法队员", Sector.NaturalResources, "19900828", true, "valid"),
        new("胡军", "忻州市生态环境局原平分局", "执法大队", "执法队员", Sector.EcologyEnvironment, "19820403", false, "valid"),
        new("郭涛", "原平市崞阳镇人民政府", "综合行政执法队", "执法队员", Sector.ComprehensiveEnforcement, "19930915", false, "short"),
    ];

    public static void Seed(ZhifaDbContext db, IIdNumberProtector protector, ReadOnlySpan<byte> pepper, DateOnly today, DateTime now,
        IReadOnlyDictionary<Guid, Region> regions, IReadOnlyDictionary<Guid, EnforcementBody> bodies)
    {
        var settings = PersonnelSettings.Default;
        var organizer = DemoData.Ids.YuanpingJustice;
        // A refused transition in the demo's own story is a bug in the seeding, not a user's mistake: stop loudly.
        static void Applied<T>(Result<T> result)
        {
            if (!result.IsSuccess)
                throw new InvalidOperationException($"Demo seeding refused a transition: {result.Error.Describe()}");
        }

        T Fixed<T>(T entity, string name)
        {
            typeof(T).GetProperty("Id")!.SetValue(entity, DeterministicGuid.From("personnel:" + name));
            return entity;
        }

        TrainingCourse Course(string name, TrainingCategory category, decimal hours)
        {
            var course = Fixed(TrainingCourse.Create(name, category, hours, organizer, now).Value, "course:" + name);
            db.TrainingCourses.Add(course);
            return course;
        }

        TrainingSession Session(TrainingCourse course, int daysAgo, string key)
        {
            var session = Fixed(TrainingSession.Schedule(course, today.AddDays(-daysAgo - 1), today.AddDays(-daysAgo), null, now).Value, "session:" + key);
            db.TrainingSessions.Add(session);
            return session;
        }

        var preLaw = Course("新任行政执法人员岗前培训（公共法律知识）", TrainingCategory.PublicLegal, 32);
        var preBusiness = Course("新任行政执法人员岗前培训（业务知识和技能）", TrainingCategory.Business, 32);
        var penaltyLaw = Course("《行政处罚法》专题培训", TrainingCategory.PublicLegal, 16);
        var procedure = Course("行政执法程序与文书规范", TrainingCategory.PublicLegal, 16);
        var food = Course("食品安全监管执法实务", TrainingCategory.Business, 24);
        var field = Course("行政执法现场检查与证据收集", TrainingCategory.Business, 16);
        var politics = Course("习近平法治思想专题学习", TrainingCategory.PoliticalTheory, 8);

        // Pre-service training for each cohort, some weeks before their certificates.
        var oldCohort = (Law: Session(preLaw, 5 * 365 + 90, "old-law"), Business: Session(preBusiness, 5 * 365 + 80, "old-business"));
        var midCohort = (Law: Session(preLaw, 2 * 365 + 60, "mid-law"), Business: Session(preBusiness, 2 * 365 + 50, "mid-business"));
        var newCohort = (Law: Session(preLaw, 40, "new-law"), Business: Session(preBusiness, 30, "new-business"));
        var yearSessions = new[]
        {
            Session(penaltyLaw, 150, "year-penalty"), Session(procedure, 120, "year-procedure"), Session(food, 90, "year-food"),
            Session(field, 60, "year-field"), Session(politics, 20, "year-politics"),
        };

        var oldExam = Fixed(ExamSession.Schedule(DemoData.Ids.Yuanping, "原平市行政执法人员资格考试（第一批）", today.AddDays(-(5 * 365 + 70)), settings, now).Value, "exam:old");
        var midExam = Fixed(ExamSession.Schedule(DemoData.Ids.Yuanping, "原平市行政执法人员资格考试（第二批）", today.AddDays(-(2 * 365 + 40)), settings, now).Value, "exam:mid");
        var newExam = Fixed(ExamSession.Schedule(DemoData.Ids.Yuanping, "原平市行政执法人员资格考试（第三批）", today.AddDays(-20), settings, now).Value, "exam:new");
        db.ExamSessions.AddRange(oldExam, midExam, newExam);

        var numbers = new Dictionary<Guid, List<string>>();
        var serial = 0;
        foreach (var p in People)
        {
            serial++;
            var bodyId = DemoData.Ids.Body(p.Body);
            var body = bodies[bodyId];
            var region = regions[body.RegionId];
            if (region.Level == RegionLevel.Township)
                region = regions[region.ParentId!.Value];
            var idNumber = IdNumber.WithCheck("140981" + p.Birth + (100 + serial).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var stored = StoredIdNumber.Create(idNumber, today, protector, pepper).Value;
            var expiredStory = p.Story == "expired";
            var joined = today.AddDays(-(expiredStory ? 6 * 365 : p.Story == "newcomer" ? 60 : 3 * 365));
            var officer = Fixed(Officer.Register(new OfficerProfile(p.Name, bodyId, p.Unit is null ? null : DemoData.Ids.Unit(p.Body, p.Unit), p.Post, p.Legal, [p.Field]),
                stored, _ => false, joined, Guid.Empty, now).Value, "officer:" + p.Name);
            db.Officers.Add(officer);

            var cohort = expiredStory ? oldCohort : p.Story == "newcomer" ? newCohort : midCohort;
            var exam = expiredStory ? oldExam : p.Story == "newcomer" ? newExam : midExam;
            var attended = new List<AttendedHours>();
            foreach (var s in new[] { cohort.Law, cohort.Business })
            {
                db.TrainingAttendances.Add(TrainingAttendance.Record(s, officer, null, false, now).Value);
                attended.Add(new AttendedHours(officer.Id, s.EndsOn, s.Category, s.Hours));
            }
            // This year's training: everyone attends some; the "short" officers miss the business sessions.
            foreach (var s in yearSessions.Where(s => !expiredStory && p.Story != "resigned" && s.StartsOn >= joined))
            {
                if (p.Story == "short" && s.Category == TrainingCategory.Business)
                    continue;
                if (s.Category == TrainingCategory.Business && s.CourseId == food.Id && p.Field != Sector.MarketRegulation)
                    continue;
                db.TrainingAttendances.Add(TrainingAttendance.Record(s, officer, null, false, now).Value);
            }
            var result = ExamResult.Record(exam, officer, 70 + (serial * 7 % 25), false, now).Value;
            db.ExamResults.Add(result);
            if (p.Story == "newcomer")
                continue;

            var issuedOn = expiredStory ? today.AddDays(-(5 * 365 + 40)) : today.AddDays(-(2 * 365));
            var regionNumbers = numbers.TryGetValue(region.Id, out var list) ? list : numbers[region.Id] = [];
            var number = CertificateNumberFormat.Of(settings).Next(region.Code[..6], issuedOn.Year, regionNumbers).Value;
            regionNumbers.Add(number);
            var certificate = Fixed(Certificate.Issue(new CertificateApplication(number, region.Id, region.Code[..6], [p.Field], issuedOn, Guid.Empty),
                officer, new IssuanceEvidence([result], attended, []), settings, _ => false, now).Value, "certificate:" + p.Name);
            db.Certificates.Add(certificate);
            // Every annual review due so far passed (in March of the following year), except where the story says otherwise.
            var lastPassedReview = p.Story == "review_failed" ? today.Year - 2 : today.Year - 1;
            for (var year = issuedOn.Year; !expiredStory && year <= lastPassedReview; year++)
            {
                var on = new DateOnly(year + 1, 3, 1);
                if (on <= today && on > issuedOn)
                    Applied(certificate.PassAnnualReview(year, on, Guid.Empty, now));
            }
            switch (p.Story)
            {
                case "suspended":
                    Applied(certificate.Suspend("执法过程中未按规定出示执法证件，暂扣执法证", today.AddDays(-10), today.AddDays(30), Guid.Empty, now));
                    break;
                case "revoked":
                    Applied(certificate.Revoke("违法违规执法被处分，收回执法证", today.AddDays(-100), Guid.Empty, now));
                    break;
                case "review_failed":
                    Applied(certificate.FailAnnualReview(today.Year - 1, "年度培训学时不足，年审不合格", today.AddDays(-15), Guid.Empty, now));
                    break;
                case "resigned":
                    Applied(officer.ChangeEmployment(EmploymentStatus.Resigned, today.AddDays(-45), "本人申请辞职", [certificate], Guid.Empty, now));
                    break;
            }
            if (p.Story != "resigned" && !expiredStory)
            {
                db.AnnualAssessments.Add(AnnualAssessment.Record(officer, today.Year - 1,
                    p.Story is "revoked" ? AssessmentGrade.BasicallyCompetent : serial % 4 == 0 ? AssessmentGrade.Excellent : AssessmentGrade.Competent,
                    null, false, Guid.Empty, now).Value);
            }
        }
    }
}
