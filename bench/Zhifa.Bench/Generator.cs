using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Zhifa.Core.Audit;
using Zhifa.Core.Calendar;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Discretion;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;
using static Zhifa.Core.Cases.CaseAction;

namespace Zhifa.Bench;

/// <param name="Counties">Counties of the generated province around the demo's (0: the demo's organisations only).</param>
/// <param name="Townships">Townships under each generated county.</param>
/// <param name="OfficersPerBody">Officers (each with a valid certificate) in each generated body.</param>
/// <param name="AuditKeys">The app's audit keys, to seal the generated audit entries as the app would (none: chained, not sealed).</param>
/// <param name="Audit">Whether each case gets the audit entry of its registration (about 700 bytes a case in PostgreSQL).</param>
public sealed record GeneratorOptions(int Cases, int Seed, int? Parties = null, TimeProvider? Clock = null, int Counties = 0, int Townships = 12,
    int OfficersPerBody = 30, AuditKeyRing? AuditKeys = null, bool Audit = true);

public sealed record GeneratorReport(IReadOnlyDictionary<string, long> RowsByTable, IReadOnlyDictionary<CaseState, int> CasesByState, TimeSpan Elapsed)
{
    public long Rows => RowsByTable.Values.Sum();
}

/// <summary>
/// Fills a prepared (migrated, demo-seeded) PostgreSQL or SQLite database with a province's parties and penalty cases by the
/// app's <see cref="BulkCopy"/> (binary COPY on PostgreSQL).
/// Cases are walked through <see cref="CaseEngine"/> on past days, as <see cref="CasesDemo"/> does, so their deadlines,
/// events and officers are those the app itself would have written; the rows are written column by column from the EF model.
/// </summary>
public sealed class Generator(string connectionString, GeneratorOptions options)
{
    private const int Batch = 5_000;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "建国", "志强", "海燕", "玉兰", "国庆", "晓东", "红梅", "永刚", "丽华", "文明"];
    private static readonly string[] Trades = ["商贸", "食品", "餐饮", "建筑工程", "运输", "农业开发", "煤业", "超市", "药房", "汽车修理", "建材", "物流", "酒店管理", "化工", "机械制造", "网络科技", "服装", "五金"];
    private static readonly string[] Suffixes = ["有限公司", "有限责任公司", "股份有限公司"];
    private static readonly string[] Streets = ["新原路", "中兴街", "健康路", "建设路", "育才路", "幸福街", "东街", "西街", "南街", "北街", "工业园区", "人民路"];
    private static readonly (string Title, string Facts)[] Acts =
    [
        ("涉嫌销售过期预包装食品", "检查发现货架上有超过保质期的预包装食品。"),
        ("涉嫌未凭处方销售处方药", "投诉人反映未凭处方销售抗生素。"),
        ("涉嫌使用超过保质期的食品原料", "检查发现后厨存放过期原料。"),
        ("涉嫌经营标签不符合规定的食品", "产品标签未标注生产许可证编号。"),
        ("涉嫌无照经营", "当事人未取得营业执照从事经营活动。"),
        ("涉嫌使用未经检验的特种设备", "特种设备未经定期检验投入使用。"),
        ("涉嫌未按规定公示许可证", "经营场所未悬挂许可证。"),
        ("涉嫌超限运输", "货车车货总重超过限值。"),
        ("涉嫌未取得道路运输经营许可从事经营", "车辆无道路运输证从事货物运输。"),
        ("涉嫌违法排放污染物", "在线监测数据显示超标排放。"),
    ];

    private readonly Random _rng = new(options.Seed);
    private readonly Dictionary<string, int> _refused = new(StringComparer.Ordinal);

    public async Task<GeneratorReport> RunAsync(TextWriter output, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var dbOptions = Sql.Options(connectionString);
        var builder = new DbContextOptionsBuilder<ZhifaDbContext>();
        dbOptions.Apply(builder);
        using var db = new ZhifaDbContext(builder.Options);
        var model = db.Model;
        await using var conn = Sql.Connection(connectionString);
        await conn.OpenAsync(ct);
        if (conn is SqliteConnection)
        {
            await Sql.ExecuteAsync(conn, "PRAGMA synchronous = OFF", ct);
            await Sql.ExecuteAsync(conn, "PRAGMA cache_size = -1000000", ct); // 1 GB of pages for this connection's load
        }

        var sink = new Sink(conn, model);
        var time = options.Clock ?? TimeProvider.System;
        var now = time.GetUtcNow().UtcDateTime;
        if (options.Counties > 0)
        {
            var counts = await new Province(sink, options.Seed, now).WriteAsync(await World.RegionsAsync(conn, ct), options.Counties, options.Townships,
                options.OfficersPerBody, _rng, ct);
            output.WriteLine($"Province: {counts.Regions:N0} regions, {counts.Bodies:N0} bodies, {counts.Officers:N0} officers with certificates");
        }
        var world = await World.LoadAsync(conn, ct);
        if (world.Bodies.Count == 0)
            throw new InvalidOperationException("The database has no bodies: prepare it first (the app's seed-demo).");

        // The tables filled below lose their secondary indexes (and foreign keys) for the load (see IndexDeferral).
        var deferral = new IndexDeferral(conn, [.. new[] { typeof(Party), typeof(PenaltyCase), typeof(CaseOfficer), typeof(CaseClockStop), typeof(CaseDeadline),
            typeof(CaseEvent), typeof(CasePayment), typeof(CaseMeasure), typeof(AuditEntry) }.Select(t => model.FindEntityType(t)!.GetTableName()!)]);
        await deferral.DropAsync(ct);
        output.WriteLine($"Dropped {deferral.Indexes} indexes and {deferral.ForeignKeys} foreign keys for the load ({clock.Elapsed.TotalSeconds:N1} s)");
        var states = new Dictionary<CaseState, int>();
        var numbers = world.Sequences;
        try
        {
            var parties = await WritePartiesAsync(sink, world, now, ct);
            output.WriteLine($"Parties: {parties.Count:N0} ({clock.Elapsed.TotalSeconds:N1} s)");

            // Cases, in batches: one thread walks the cases through the engine (and chains their audit entries) while this one
            // copies the previous batch, so the database and the generator work at the same time.
            var batches = Channel.CreateBounded<(List<PenaltyCase> Cases, List<AuditEntry> Audit)>(2);
            var producer = Task.Run(async () =>
            {
                try
                {
                    var calendar = OfficialSchedules.Calendar();
                    var rules = new CaseRules();
                    var today = time.Today();
                    var chain = world.AuditTail;
                    var cases = new List<PenaltyCase>(Batch);
                    var audit = new List<AuditEntry>(Batch);
                    for (var i = 0; i < options.Cases; i++)
                    {
                        // Registered in order over the five years, as a real database fills: its rows lie in date order on disk.
                        var registered = today.AddDays(-(5 * 365) + (int)((long)(i + 1) * 5 * 365 / options.Cases));
                        var c = NewCase(world, parties, calendar, rules, today, registered, numbers);
                        // The reminder job has run every day of those years: a clock past its day is marked overdue from the day after.
                        foreach (var d in c.Deadlines.Where(d => d.Status == DeadlineStatus.Open && d.DueOn < today))
                            OverdueSince.SetValue(d, d.DueOn.AddDays(1));
                        states[c.State] = states.GetValueOrDefault(c.State) + 1;
                        cases.Add(c);
                        if (options.Audit)
                            chain = AuditOf(c, world, chain, audit);
                        if (cases.Count == Batch)
                        {
                            await batches.Writer.WriteAsync((cases, audit), ct);
                            cases = new List<PenaltyCase>(Batch);
                            audit = new List<AuditEntry>(Batch);
                        }
                    }
                    await batches.Writer.WriteAsync((cases, audit), ct);
                    batches.Writer.Complete();
                }
                catch (Exception e)
                {
                    batches.Writer.Complete(e);
                }
            }, ct);
            await foreach (var (cases, audit) in batches.Reader.ReadAllAsync(ct))
                await sink.WriteAsync(copy => WriteCasesAsync(copy, cases, audit, ct), ct);
            await producer;
            output.WriteLine($"Cases: {options.Cases:N0} ({clock.Elapsed.TotalSeconds:N1} s)");
        }
        finally
        {
            var restoring = Stopwatch.StartNew();
            await deferral.RestoreAsync(CancellationToken.None);
            output.WriteLine($"Indexes and foreign keys made again in {restoring.Elapsed.TotalSeconds:N1} s");
        }

        // The numbering continues after the generated numbers.
        foreach (var (key, last) in numbers)
            await Sql.ExecuteAsync(conn, "INSERT INTO \"CaseNumberSequences\" (\"Key\", \"Last\") VALUES (@key, @last) ON CONFLICT (\"Key\") DO UPDATE SET \"Last\" = excluded.\"Last\"",
                ct, ("key", key), ("last", last));
        // The statistics' rollups, made from the cases and deadlines just written (the app keeps them with every later change).
        await CaseCountRollup.RebuildAsync(conn, ct);
        await Sql.ExecuteAsync(conn, "ANALYZE", ct);
        clock.Stop();

        var rows = sink.Rows;
        var total = rows.Values.Sum();
        foreach (var (table, n) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            output.WriteLine($"{table,-20} {n,12:N0} rows");
        output.WriteLine("Cases by state: " + string.Join(", ", states.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}")));
        if (_refused.Count > 0)
            output.WriteLine("Steps the engine refused (the case stays where it was): " + string.Join(", ", _refused.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value:N0}")));
        output.WriteLine($"Total {total:N0} rows in {clock.Elapsed.TotalSeconds:N1} s: {total / clock.Elapsed.TotalSeconds:N0} rows/s");
        return new GeneratorReport(rows, states, clock.Elapsed);
    }

    /// <summary>Parties: enterprises with valid GB 32100 credit codes, and persons.</summary>
    private async Task<List<(Guid Id, string Name, bool Organization)>> WritePartiesAsync(Sink sink, World world, DateTime now, CancellationToken ct)
    {
        var partyCount = options.Parties ?? Math.Max(100, options.Cases / 2);
        var parties = new List<(Guid Id, string Name, bool Organization)>(partyCount);
        var partyRows = new List<Dictionary<string, object?>>(Batch);
        for (var i = 0; i < partyCount; i++)
        {
            var region = world.Regions[_rng.Next(world.Regions.Count)];
            var enterprise = _rng.NextDouble() < 0.7;
            var id = NextGuid();
            var name = enterprise
                ? $"{region.Short}{Pick(Surnames)}{Pick(Given)}{Pick(Trades)}{Pick(Suffixes)}{i.ToString(CultureInfo.InvariantCulture)}"
                : Pick(Surnames) + Pick(Given) + (_rng.Next(3) == 0 ? Pick(Given) : "");
            var code = enterprise ? PartyCreditCode.WithCheck("91" + region.Code6 + "MB" + i.ToString("D7", CultureInfo.InvariantCulture)) : null;
            parties.Add((id, name, enterprise));
            partyRows.Add(new Dictionary<string, object?>
            {
                ["Id"] = id, ["Version"] = 0, ["Kind"] = enterprise ? nameof(PartyKind.Enterprise) : nameof(PartyKind.NaturalPerson), ["Name"] = name,
                ["CreditCode"] = code, ["LegalRepresentative"] = enterprise ? Pick(Surnames) + Pick(Given) : null,
                ["Address"] = $"{region.Name}{Pick(Streets)}{_rng.Next(1, 300).ToString(CultureInfo.InvariantCulture)}号",
                ["Industry"] = enterprise ? ((IndustrySection)_rng.Next(20)).ToString() : null,
                ["CreditGrade"] = enterprise && _rng.Next(4) > 0 ? ((CreditGrade)_rng.Next(4)).ToString() : null,
                // Risk tags on one enterprise in seven, without drawing from the generator (the rest of the data stays as it was).
                ["RiskTags"] = enterprise && i % 7 == 0 ? "安全生产重点、职工食堂" : null,
                ["Phone"] = "139" + _rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                ["IdNumberHash"] = null, ["IdNumberProtected"] = null, ["IdNumberMasked"] = null,
                ["RegionId"] = region.Id, ["RegionPath"] = region.Path, ["CreatedAt"] = now, ["UpdatedAt"] = now,
            });
            if (partyRows.Count == Batch)
            {
                await sink.WriteRowsAsync(typeof(Party), partyRows, ct);
                partyRows.Clear();
            }
        }
        await sink.WriteRowsAsync(typeof(Party), partyRows, ct);
        return parties;
    }

    /// <summary>
    /// The audit entry the registration of the case would have left (the case as added, owned by its body), chained after
    /// <paramref name="previous"/> and sealed with the app's key as <c>AuditTrail</c> does. One entry per case, not one per
    /// step: the later steps' entries would multiply the database's size several times over.
    /// </summary>
    private (long Sequence, string Hash) AuditOf(PenaltyCase c, World world, (long Sequence, string Hash) previous, List<AuditEntry> audit)
    {
        var after = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Id"] = c.Id, ["BodyId"] = c.BodyId, ["Procedure"] = c.Procedure.ToString(), ["State"] = nameof(CaseState.Lead), ["PartyId"] = c.PartyId,
            ["PartyName"] = c.PartyName, ["Title"] = c.Title, ["RegisteredOn"] = c.RegisteredOn,
        }, AuditJson);
        var keys = options.AuditKeys;
        var entry = new AuditEntry(NextGuid(), previous.Sequence + 1, c.CreatedAt, world.UserId, world.UserName, null, c.BodyId, nameof(PenaltyCase),
            c.Id.ToString(), "Added", null, after, previous.Hash, keys?.HashAlgorithm ?? AuditAlgorithms.Sha256, keys?.Current);
        audit.Add(entry);
        return (entry.Sequence, entry.Hash);
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, Func<(Guid Case, object Entity), object?>> ChildOfCase = new(StringComparer.Ordinal) { ["CaseId"] = i => i.Case };

    private static async Task WriteCasesAsync(BulkCopy copy, List<PenaltyCase> batch, List<AuditEntry> audit, CancellationToken ct)
    {
        await copy.WriteAsync(typeof(PenaltyCase), batch, ct);
        async Task Children<T>(Func<PenaltyCase, IEnumerable<T>> of) where T : class =>
            await copy.WriteAsync(typeof(T), batch.SelectMany(c => of(c).Select(o => (c.Id, (object)o))), i => i.Item2, ChildOfCase, ct);
        await Children(c => c.Officers);
        await Children(c => c.Stops);
        await Children(c => c.Deadlines);
        await Children(c => c.Events);
        await Children(c => c.Payments);
        await Children(c => c.Measures);
        await copy.WriteAsync(audit, ct);
    }

    private T Pick<T>(IReadOnlyList<T> list) => list[_rng.Next(list.Count)];

    /// <summary>A Chinese personal name: a common surname and one or two given characters.</summary>
    internal static string PersonName(Random rng) =>
        Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)] + (rng.Next(3) == 0 ? Given[rng.Next(Given.Length)] : "");

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>
    /// One case: registered on <paramref name="registered"/> (a day of the last five years), then walked along one of the usual paths with gaps of days
    /// between the steps; it stops where the next step would fall after today (so recent cases are still open) or where
    /// the path ends early (unpaid fines, leads left waiting). A step the engine refuses ends the walk: the case stays as it was.
    /// </summary>
    private PenaltyCase NewCase(World world, List<(Guid Id, string Name, bool Organization)> parties, StatutoryCalendar calendar, CaseRules rules,
        DateOnly today, DateOnly registered, Dictionary<string, int> numbers)
    {
        var body = world.Bodies[_rng.Next(world.Bodies.Count)];
        var team = world.TeamOf(body.Id, _rng);
        var party = parties[_rng.Next(parties.Count)];
        var act = Pick(Acts);
        var actor = team[0];
        DateTime At(DateOnly on) => on.ToDateTime(new TimeOnly(1 + _rng.Next(9), _rng.Next(60)), DateTimeKind.Utc);
        CaseStepContext Ctx(DateOnly on) => new(on, At(on), calendar, rules, actor.OfficerId, actor.Name, team, true,
            new ProposalCheck(true, DiscretionTier.Ordinary, [], "依据裁量基准，当事人无从轻、减轻或者从重处罚情节，适用一般处罚档次。"));

        var c = new PenaltyCase(NextGuid(), body.Id, CaseProcedure.General, CaseState.Lead, (LeadSource)_rng.Next(Enum.GetValues<LeadSource>().Length),
            party.Id, party.Name, party.Organization, null, act.Title, act.Facts, registered.AddDays(-_rng.Next(1, 30)), registered, false, registered,
            world.UserId, At(registered));
        CaseEngine.Start(c, DeadlineKind.OpeningDecision, registered, Ctx(registered));
        c.Events.Add(new CaseEvent(Register, CaseState.Lead, CaseState.Lead, registered, At(registered), actor.OfficerId, actor.Name, null, DocumentKind.LeadRegistration, null));

        var on = registered;
        bool Step(CaseAction action, int minDays, int maxDays, CaseActionRequest? request = null)
        {
            var day = on.AddDays(_rng.Next(minDays, maxDays + 1));
            if (day > today)
                return false;
            var result = CaseEngine.Apply(c, action, (request ?? new CaseActionRequest()) with { On = day }, Ctx(day));
            if (!result.IsSuccess)
            {
                var why = $"{action}: {result.Error!.Describe()}";
                _refused[why] = _refused.GetValueOrDefault(why) + 1;
                return false;
            }
            on = day;
            // The numbers the use case would issue (CaseDesk.ActAsync); their setters are the engine's, so set here by reflection.
            if (action == Open)
                Numbered(result.Value, c, nameof(PenaltyCase.CaseNumber), Number(numbers, body, "立", day.Year));
            else if (action == Decide)
                Numbered(result.Value, c, nameof(PenaltyCase.DecisionNumber), Number(numbers, body, "罚", day.Year));
            else if (action == DecideNoPenalty)
                Numbered(result.Value, null, null, Number(numbers, body, "不罚", day.Year));
            if (c.Outstanding <= 0 && c.DecidedFine is not null && CaseWorkflow.Find(c.State, Settle) is not null)
                CaseEngine.Apply(c, Settle, new CaseActionRequest(On: day), Ctx(day));
            return true;
        }

        var item = world.ItemFor(body.Id, _rng);
        var path = _rng.Next(100);
        if (path < 4)
        {
            _ = _rng.Next(2) == 0 && Step(DeclineToOpen, 1, 10, new CaseActionRequest(Reason: "违法事实不存在，不予立案。")) && Step(Close, 1, 5, Closing) && Step(Archive, 5, 30);
            return c;
        }
        if (path < 7)
            return c; // a lead left waiting (some past their opening deadline)
        if (!Step(Open, 1, 12) || !Step(AssignOfficers, 0, 1, new CaseActionRequest(OfficerIds: [.. team.Select(t => t.OfficerId)])))
            return c;
        if (path < 10)
        {
            _ = Step(Terminate, 10, 60, new CaseActionRequest(Reason: "违法事实不能成立。")) && Step(Close, 1, 10, Closing) && Step(Archive, 5, 30);
            return c;
        }
        if (path < 13)
        {
            _ = Step(ProposeReferral, 10, 40, new CaseActionRequest(Note: "涉嫌犯罪，达到刑事立案追诉标准。")) && Step(ApproveReferral, 1, 2)
                && Step(RecordPoliceHandover, 0, 0) && Step(Close, 30, 120, Closing) && Step(Archive, 5, 30);
            return c;
        }
        if (path < 22)
        {
            _ = Step(Conclude, 10, 40, new CaseActionRequest(ItemId: item, Circumstances: Circumstances.FirstOffence | Circumstances.PromptlyCorrected | Circumstances.NoHarm))
                && Step(DecideNoPenalty, 1, 5, new CaseActionRequest(Reason: "初次违法，危害后果轻微并及时改正，依法不予行政处罚。", FirstViolation: true))
                && Step(Close, 1, 10, Closing) && Step(Archive, 5, 30);
            return c;
        }
        var fine = _rng.Next(10) switch { < 5 => 500m * _rng.Next(1, 11), < 9 => 1000m * _rng.Next(5, 50), _ => 10_000m * _rng.Next(5, 30) };
        if (!Step(Conclude, 10, 45, new CaseActionRequest(ItemId: item, PenaltyKinds: [PenaltyKind.Fine], FineAmount: fine))
            || !Step(PassLegalReview, 1, 5) || !Step(Notify, 1, 5))
            return c;
        if (_rng.Next(3) == 0)
            Step(RecordStatement, 1, 4, new CaseActionRequest(Note: "当事人承认违法事实，请求从轻处罚。"));
        if (!Step(Decide, 12, 25) || !Step(Serve, 1, 6, new CaseActionRequest(ServiceMethod: ServiceMethod.InPerson)))
            return c;
        if (path < 30)
        {
            // Unpaid: demanded after the payment period, then the court.
            _ = Step(Demand, 20, 40) && Step(ApplyToCourt, 190, 240) && Step(Close, 30, 120, Closing) && Step(Archive, 5, 30);
            return c;
        }
        if (!Step(RecordPayment, 1, 14, new CaseActionRequest(Amount: fine, Channel: PaymentChannel.Bank, Reference: "BK" + _rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture))))
            return c;
        _ = Step(Close, 1, 20, Closing) && Step(Archive, 5, 30);
        return c;
    }

    private static readonly CaseActionRequest Closing = new(Reason: "案件办理完毕，予以结案。");

    private static readonly System.Reflection.PropertyInfo OverdueSince = typeof(CaseDeadline).GetProperty(nameof(CaseDeadline.OverdueSince))!;

    private static readonly System.Reflection.PropertyInfo EventNumber = typeof(CaseEvent).GetProperty(nameof(CaseEvent.DocumentNumber))!;

    private static void Numbered(CaseEvent e, PenaltyCase? c, string? property, string number)
    {
        EventNumber.SetValue(e, number);
        if (c is not null)
            typeof(PenaltyCase).GetProperty(property!)!.SetValue(c, number);
    }

    private static string Number(Dictionary<string, int> numbers, BodyInfo body, string word, int year)
    {
        var key = $"{body.Id:N}:{year}:{word}";
        numbers[key] = numbers.GetValueOrDefault(key) + 1;
        return $"{CaseNumbering.Prefix(body.Name, body.Sector)}{word}〔{year}〕{numbers[key]}号";
    }
}

internal sealed record BodyInfo(Guid Id, string Name, Sector Sector);

internal sealed record RegionInfo(Guid Id, string Name, string Short, string Code6, string Path);

/// <summary>What the prepared database already holds: bodies, their officers, regions, and the numbers issued so far.</summary>
internal sealed class World
{
    public List<BodyInfo> Bodies { get; } = [];
    public List<RegionInfo> Regions { get; } = [];
    public Dictionary<Guid, List<TeamMember>> Officers { get; } = [];
    public Dictionary<string, int> Sequences { get; } = new(StringComparer.Ordinal);
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";

    /// <summary>The audit chain's last entry: its sequence and hash (the genesis hash when there is none).</summary>
    public (long Sequence, string Hash) AuditTail { get; private set; } = (0, AuditEntry.GenesisHash);
    public Dictionary<Guid, List<Guid>> Items { get; } = [];

    /// <summary>A catalogue item of the body (any body's when it owns none).</summary>
    public Guid ItemFor(Guid body, Random rng)
    {
        var items = Items.GetValueOrDefault(body) is { Count: > 0 } own ? own : Items.Values.SelectMany(i => i).ToList();
        return items[rng.Next(items.Count)];
    }

    public IReadOnlyList<TeamMember> TeamOf(Guid body, Random rng)
    {
        var all = Officers.GetValueOrDefault(body) is { Count: >= 2 } own ? own : Officers.Values.Where(o => o.Count >= 2).SelectMany(o => o).ToList();
        var first = rng.Next(all.Count);
        var second = (first + 1 + rng.Next(all.Count - 1)) % all.Count;
        return [all[first], all[second]];
    }

    /// <summary>The regions already in the database by their code: their id and path.</summary>
    public static async Task<Dictionary<string, (Guid Id, string Path)>> RegionsAsync(DbConnection conn, CancellationToken ct)
    {
        var regions = new Dictionary<string, (Guid Id, string Path)>(StringComparer.Ordinal);
        await using var cmd = Sql.Command(conn, "SELECT \"Code\", \"Id\", \"Path\" FROM \"Organizations\" WHERE \"Kind\" = 'Region' AND \"Code\" IS NOT NULL");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            regions[r.GetString(0)] = (r.GetGuid(1), r.GetString(2));
        return regions;
    }

    public static async Task<World> LoadAsync(DbConnection conn, CancellationToken ct)
    {
        var w = new World();
        await using (var cmd = Sql.Command(conn, "SELECT \"Id\", \"Name\", \"Sector\", \"Kind\", \"Path\", \"Code\" FROM \"Organizations\" ORDER BY \"Path\""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var kind = r.GetString(3);
                if (kind == nameof(OrganizationKind.Body) && !r.IsDBNull(2) && r.GetString(2) != nameof(Sector.Justice))
                    w.Bodies.Add(new BodyInfo(r.GetGuid(0), r.GetString(1), Enum.Parse<Sector>(r.GetString(2))));
                else if (kind == nameof(OrganizationKind.Region) && !r.IsDBNull(5) && r.GetString(5).Length >= 6)
                    w.Regions.Add(new RegionInfo(r.GetGuid(0), r.GetString(1), r.GetString(1)[..Math.Min(2, r.GetString(1).Length)], r.GetString(5)[..6], r.GetString(4)));
            }
        }
        await using (var cmd = Sql.Command(conn, "SELECT \"Id\", \"FullName\", \"BodyId\" FROM \"Officers\" ORDER BY \"Id\""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var body = r.GetGuid(2);
                if (!w.Officers.TryGetValue(body, out var list))
                    w.Officers[body] = list = [];
                list.Add(new TeamMember(r.GetGuid(0), r.GetString(1), true, null, null));
            }
        }
        await using (var cmd = Sql.Command(conn, "SELECT \"Id\", \"OwnerId\" FROM \"CatalogueItems\" ORDER BY \"Id\""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                if (!w.Items.TryGetValue(r.GetGuid(1), out var list))
                    w.Items[r.GetGuid(1)] = list = [];
                list.Add(r.GetGuid(0));
            }
        }
        await using (var cmd = Sql.Command(conn, "SELECT \"Key\", \"Last\" FROM \"CaseNumberSequences\""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                w.Sequences[r.GetString(0)] = r.GetInt32(1);
        }
        await using (var cmd = Sql.Command(conn, "SELECT \"Id\", \"UserName\" FROM \"Users\" ORDER BY \"UserName\" LIMIT 1"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (await r.ReadAsync(ct))
                (w.UserId, w.UserName) = (r.GetGuid(0), r.GetString(1));
        }
        await using (var cmd = Sql.Command(conn, "SELECT \"Sequence\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Sequence\" DESC LIMIT 1"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (await r.ReadAsync(ct))
                w.AuditTail = (r.GetInt64(0), r.GetString(1));
        }
        return w;
    }
}

/// <summary>Plain SQL on either engine's connection, with named parameters (a Guid as the engine's EF mapping stores it).</summary>
internal static class Sql
{
    /// <summary>PostgreSQL unless the connection string names a SQLite file (<c>Data Source=…</c>).</summary>
    public static bool IsSqlite(string connectionString) =>
        connectionString.TrimStart().StartsWith("Data Source", StringComparison.OrdinalIgnoreCase)
        || connectionString.TrimStart().StartsWith("DataSource", StringComparison.OrdinalIgnoreCase)
        || connectionString.TrimStart().StartsWith("Filename", StringComparison.OrdinalIgnoreCase);

    public static DatabaseOptions Options(string connectionString) => new()
    {
        Provider = IsSqlite(connectionString) ? DatabaseProviders.Sqlite : DatabaseProviders.Postgres,
        ConnectionString = connectionString,
    };

    public static DbConnection Connection(string connectionString) =>
        IsSqlite(connectionString) ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);

    public static DbCommand Command(DbConnection conn, string text, params (string Name, object Value)[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            // EF stores a Guid on SQLite as upper-case text.
            p.Value = value is Guid g && conn is SqliteConnection ? g.ToString().ToUpperInvariant() : value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    public static async Task ExecuteAsync(DbConnection conn, string text, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(conn, text, parameters);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
