using Zhifa.Core.Calendar;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Core.Organizations;
using static Zhifa.Core.Cases.CaseAction;

namespace Zhifa.Core.Cases;

/// <summary>
/// Demo cases of 原平市市场监督管理局 and 原平市交通运输局 in every kind of state, walked through the same engine as real
/// ones on past days: leads (one overdue), an investigation with evidence, one stopped for testing, one awaiting legal
/// review, one with a hearing, a seizure in force, one served and unpaid (surcharge running), one executed and archived, a first-violation
/// exemption, a transfer to the police, and on-the-spot decisions.
/// </summary>
public static class CasesDemo
{
    private static readonly Guid Market = DemoData.Ids.YuanpingMarket;
    private static readonly Guid Transport = DemoData.Ids.YuanpingTransport;
    private static readonly TeamMember Zhang = Member("张伟");
    private static readonly TeamMember Wang = Member("王芳");
    private static readonly TeamMember Zhou = Member("周杰");
    private static readonly ProposalCheck Within = new(true, DiscretionTier.Ordinary, [], "依据《原平市市场监督管理行政处罚裁量基准》，当事人无从轻、减轻或者从重处罚情节，适用一般处罚档次。");

    /// <summary>对生产经营不符合食品安全标准的食品等行为的行政处罚 (140981CF01001), implemented by the market bureau.</summary>
    private static readonly Guid FoodItem = DeterministicGuid.From("catalogue:140981CF01001");

    private static TeamMember Member(string name) => new(DeterministicGuid.From("personnel:officer:" + name), name, true, null, null);

    private static Guid Party(string name) => DeterministicGuid.From("party:" + name);

    public static async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var calendar = OfficialSchedules.Calendar();
        var rules = new CaseRules();
        var today = demo.Today;
        var numbers = new Dictionary<string, int>();
        var user = DeterministicGuid.From("user:yp.market.officer");
        DateOnly Ago(int workingDays)
        {
            var d = today;
            for (var n = 0; n < workingDays;)
            {
                d = d.AddDays(-1);
                if (calendar.IsWorkingDay(d))
                    n++;
            }
            return d;
        }
        string Number(Guid body, string word, DateOnly on)
        {
            var key = $"{body:N}:{on.Year}:{word}";
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            return $"{(body == Market ? "原市监" : "原交")}{word}〔{on.Year}〕{numbers[key]}号";
        }
        PenaltyCase Lead(string party, bool organization, string title, string facts, DateOnly discovered, LeadSource source = LeadSource.Complaint, Guid? body = null)
        {
            var c = new PenaltyCase(DeterministicGuid.From("case:" + title), body ?? Market, CaseProcedure.General, CaseState.Lead, source, Party(party), party, organization,
                FoodItem, title, facts, discovered.AddDays(-5), discovered, false, discovered, user, demo.Now);
            CaseEngine.Start(c, DeadlineKind.OpeningDecision, discovered, Ctx(discovered));
            c.Events.Add(new CaseEvent(Register, CaseState.Lead, CaseState.Lead, discovered, At(discovered), user, "张伟", null, DocumentKind.LeadRegistration, null));
            demo.Db.Cases.Add(c);
            return c;
        }
        CaseStepContext Ctx(DateOnly on, bool qualified = false, IReadOnlyList<TeamMember>? team = null) =>
            new(on, At(on), calendar, rules, user, "演示", team ?? [Zhang, Wang], qualified, Within, AudioVideoRecorded: true); // the records' demo attaches the seizure's video
        DateTime At(DateOnly on) => on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        void Step(PenaltyCase c, CaseAction action, DateOnly on, CaseActionRequest? r = null, bool qualified = false)
        {
            var result = CaseEngine.Apply(c, action, (r ?? new CaseActionRequest()) with { On = on }, Ctx(on, qualified));
            if (!result.IsSuccess)
                throw new InvalidOperationException($"Demo case {c.Title}: {action} on {on}: {result.Error!.Describe()}");
            if (DocumentNumbering.Numbered(action, result.Value.Document))
                result.Value.DocumentNumber = Number(c.BodyId, DocumentNumbering.Defaults[result.Value.Document!.Value], on);
            if (action == Open)
                c.CaseNumber = result.Value.DocumentNumber;
            if (action == Decide)
                c.DecisionNumber = result.Value.DocumentNumber;
            if (c.Outstanding <= 0 && c.DecidedFine is not null && CaseWorkflow.Find(c.State, Settle) is not null)
                CaseEngine.Apply(c, Settle, new CaseActionRequest(On: on), Ctx(on));
        }
        void Investigate(PenaltyCase c, DateOnly opened)
        {
            Step(c, Open, opened);
            Step(c, AssignOfficers, opened, new CaseActionRequest(OfficerIds: [Zhang.OfficerId, Wang.OfficerId]));
        }
        CaseActionRequest Fine(decimal amount, bool complex = false) => new(PenaltyKinds: [PenaltyKind.Fine], FineAmount: amount, Complex: complex);

        // Leads: one fresh, one past its opening deadline (XZCF-54).
        Lead("原平市惠民超市有限公司", true, "涉嫌销售过期预包装食品", "12345热线转来举报：超市货架上有过期酸奶。", Ago(3));
        Lead("原平市康泰大药房连锁有限公司", true, "涉嫌未凭处方销售处方药", "投诉人反映药房未凭处方销售抗生素。", Ago(20));

        // Investigating with evidence registered for preservation (XZCF-56), and one stopped for testing.
        var evidence = Lead("原平市崞阳酒店管理有限公司", true, "涉嫌使用超过保质期的食品原料", "检查发现后厨冷库存放过期冻肉。", Ago(12), LeadSource.Inspection);
        Investigate(evidence, Ago(10));
        Step(evidence, RegisterEvidence, Ago(2), new CaseActionRequest(Note: "过期冻肉15公斤，就地封存"));
        var testing = Lead("原平市晋北食品有限公司", true, "涉嫌生产不符合食品安全标准的食品", "抽检发现产品菌落总数超标。", Ago(25), LeadSource.DataMonitoring);
        Investigate(testing, Ago(24));
        Step(testing, StopClock, Ago(8), new CaseActionRequest(StopReason: StopReason.Testing, Note: "委托山西省食品质量安全监督检验研究院复检"));

        // A seizure approved by the head and taken with its two-copy inventory (XZQZ-18, XZQZ-24), in force for 30 days (XZQZ-25).
        var seizure = Lead("原平市惠民超市有限公司", true, "涉嫌销售假冒注册商标的白酒", "检查发现仓库存放疑似假冒品牌白酒。", Ago(9), LeadSource.Inspection);
        Investigate(seizure, Ago(8));
        Step(seizure, ApproveMeasure, Ago(7), new CaseActionRequest(MeasureKind: MeasureKind.Seizure, Items: "疑似假冒白酒120瓶（500毫升/瓶）"));
        Step(seizure, TakeMeasure, Ago(7), new CaseActionRequest(InventoryCopies: 2, Note: "现场制作扣押清单一式二份，当事人签字确认。"));

        // Awaiting legal review: a large fine (XZCF-58).
        var review = Lead("原平市绿野农业开发有限公司", true, "涉嫌经营标签不符合规定的食品", "产品标签未标注生产许可证编号。", Ago(40));
        Investigate(review, Ago(38));
        Step(review, Conclude, Ago(2), Fine(120_000));

        // A hearing requested and scheduled (XZCF-63, XZCF-64): its days stop the decision clock.
        var hearing = Lead("韩志明", false, "涉嫌无照经营食品", "当事人在北城街道无营业执照销售自制熟食。", Ago(45));
        Investigate(hearing, Ago(44));
        Step(hearing, Conclude, Ago(20), Fine(20_000));
        Step(hearing, PassLegalReview, Ago(18), qualified: true);
        Step(hearing, Notify, Ago(15));
        Step(hearing, RequestHearing, Ago(12));
        Step(hearing, ScheduleHearing, Ago(1), new CaseActionRequest(HearingDate: calendar.AddWorkingDays(Ago(1), 7).Date,
            PresidingOfficerId: DeterministicGuid.From("personnel:officer:刘洋")));

        // Served and unpaid: the payment is overdue and the surcharge runs (XZCF-66, XZCF-72).
        var unpaid = Lead("山西原平宏达运输有限公司", true, "涉嫌销售不合格车用尿素", "抽检车用尿素浓度不合格。", Ago(80));
        Investigate(unpaid, Ago(78));
        Step(unpaid, Conclude, Ago(60), Fine(8_000));
        Step(unpaid, Notify, Ago(58));
        Step(unpaid, Decide, Ago(50));
        Step(unpaid, Serve, Ago(48), new CaseActionRequest(ServiceMethod: ServiceMethod.InPerson));

        // Executed, closed and archived.
        var done = Lead("原平市恒信建筑工程有限公司", true, "涉嫌使用未经检验的特种设备", "工地塔吊未经定期检验投入使用。", Ago(120));
        Investigate(done, Ago(118));
        Step(done, Conclude, Ago(100), Fine(30_000));
        Step(done, Notify, Ago(98));
        Step(done, RecordStatement, Ago(96), new CaseActionRequest(Note: "当事人承认违法事实，请求从轻处罚。"));
        Step(done, Decide, Ago(90));
        Step(done, Serve, Ago(89), new CaseActionRequest(ServiceMethod: ServiceMethod.InPerson));
        Step(done, RecordPayment, Ago(85), new CaseActionRequest(Amount: 30_000, Channel: PaymentChannel.Bank, Reference: "BK20260001"));
        Step(done, Close, Ago(80));
        Step(done, Archive, Ago(75));

        // 首违不罚 (XZCF-33).
        var first = Lead("原平市北城街道老王烩面馆", true, "未按规定公示食品经营许可证", "检查发现经营场所未悬挂许可证。", Ago(15), LeadSource.Inspection);
        Investigate(first, Ago(14));
        Step(first, Conclude, Ago(10), new CaseActionRequest(Circumstances: Circumstances.FirstOffence | Circumstances.PromptlyCorrected | Circumstances.NoHarm));
        Step(first, DecideNoPenalty, Ago(9), new CaseActionRequest(Reason: "初次违法，危害后果轻微并及时改正，依法不予行政处罚。", FirstViolation: true));

        // Transfer to the police on suspicion of a crime (YSGD-5).
        var crime = Lead("原平市鑫源煤业有限责任公司", true, "涉嫌生产销售伪劣产品", "货值金额超过五万元，涉嫌犯罪。", Ago(30));
        Investigate(crime, Ago(29));
        Step(crime, ProposeReferral, Ago(3), new CaseActionRequest(Note: "货值金额约8万元，达到刑事立案追诉标准。"));
        Step(crime, ApproveReferral, Ago(2));
        Step(crime, RecordPoliceHandover, Ago(2));

        // The decision clock run out: opened long ago, still investigating (XZCF-60 overdue).
        var late = Lead("原平市第二中学", true, "学校食堂涉嫌未落实进货查验制度", "食堂未留存进货票据。", Ago(75), LeadSource.Assigned);
        Investigate(late, Ago(74));

        // On-the-spot decisions of the transport officer (简易程序): one paid on the spot with the cash still to hand over.
        foreach (var (party, form, title, fine, collected) in new[]
        {
            ("曹国栋", "原交简〔2026〕0001", "货车驾驶员未随车携带道路运输证", 100m, 100m),
            ("冯淑芬", "原交简〔2026〕0002", "出租车未按规定使用计价器", 50m, 0m),
        })
        {
            var day = Ago(1);
            var c = new PenaltyCase(DeterministicGuid.From("case:" + form), Transport, CaseProcedure.Simple, CaseState.OnSpotDecided, LeadSource.Inspection, Party(party), party, false,
                null, title, title + "，当场查获。", day, day, false, day, DeterministicGuid.From("user:yp.transport.officer"), At(day))
            {
                DecidedOn = day,
                DecidedKinds = [PenaltyKind.Fine],
                DecidedFine = fine,
                ServedOn = day,
                ServiceMethod = ServiceMethod.InPerson,
                OnSpotFormNumber = form,
                DecisionNumber = form,
            };
            c.Officers.Add(new CaseOfficer(Zhou.OfficerId, Zhou.Name, day));
            var ctx = new CaseStepContext(day, At(day), calendar, rules, DeterministicGuid.From("user:yp.transport.officer"), "周杰", [Zhou]);
            CaseEngine.Start(c, DeadlineKind.Filing, day, ctx);
            c.PaymentDueOn = calendar.AddCalendarDays(day, rules.PaymentDays).Date;
            c.Events.Add(new CaseEvent(Decide, CaseState.OnSpotDecided, CaseState.OnSpotDecided, day, At(day), c.RegisteredById, "周杰", null, DocumentKind.OnSpotDecision, form));
            if (collected > 0)
                CaseEngine.Apply(c, CollectOnSpot, new CaseActionRequest(On: day, Amount: collected, Reference: "晋财收据No.0012345"), ctx);
            demo.Db.Cases.Add(c);
        }

        foreach (var (key, last) in numbers)
            demo.Db.Set<CaseNumberSequence>().Add(new CaseNumberSequence { Key = key, Last = last });
        await demo.Db.SaveChangesAsync(ct);
    }
}
