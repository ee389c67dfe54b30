using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
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
public sealed record GeneratorOptions(int Cases, int Seed, int? Parties = null, TimeProvider? Clock = null, int Counties = 0, int Townships = 12,
    int OfficersPerBody = 30);

public sealed record GeneratorReport(IReadOnlyDictionary<string, long> RowsByTable, IReadOnlyDictionary<CaseState, int> CasesByState, TimeSpan Elapsed)
{
    public long Rows => RowsByTable.Values.Sum();
}

/// <summary>
/// Fills a prepared (migrated, demo-seeded) PostgreSQL database with a province's parties and penalty cases by binary COPY.
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
        var dbOptions = new DatabaseOptions { Provider = DatabaseProviders.Postgres, ConnectionString = connectionString };
        var builder = new DbContextOptionsBuilder<ZhifaDbContext>();
        dbOptions.Apply(builder);
        using var db = new ZhifaDbContext(builder.Options);
        var model = db.Model;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);

        var rows = new Dictionary<string, long>();
        var writer = new CopyWriter(conn, model, rows);
        var time = options.Clock ?? TimeProvider.System;
        var now = time.GetUtcNow().UtcDateTime;
        if (options.Counties > 0)
        {
            var counts = await new Province(writer, options.Seed, now).WriteAsync(await World.RegionsAsync(conn, ct), options.Counties, options.Townships,
                options.OfficersPerBody, _rng, ct);
            output.WriteLine($"Province: {counts.Regions:N0} regions, {counts.Bodies:N0} bodies, {counts.Officers:N0} officers with certificates");
        }
        var world = await World.LoadAsync(conn, ct);
        if (world.Bodies.Count == 0)
            throw new InvalidOperationException("The database has no bodies: prepare it first (the app's seed-demo).");

        // Parties: enterprises with valid GB 32100 credit codes, and persons.
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
                ["Phone"] = "139" + _rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                ["IdNumberHash"] = null, ["IdNumberProtected"] = null, ["IdNumberMasked"] = null,
                ["RegionId"] = region.Id, ["RegionPath"] = region.Path, ["CreatedAt"] = now, ["UpdatedAt"] = now,
            });
            if (partyRows.Count == Batch)
            {
                await writer.WriteRowsAsync(typeof(Party), partyRows, ct);
                partyRows.Clear();
            }
        }
        await writer.WriteRowsAsync(typeof(Party), partyRows, ct);

        // Cases, in batches: each case walked through the engine, then the batch copied table by table.
        var calendar = OfficialSchedules.Calendar();
        var rules = new CaseRules();
        var today = time.Today();
        var numbers = world.Sequences;
        var states = new Dictionary<CaseState, int>();
        var batch = new List<PenaltyCase>(Batch);
        for (var i = 0; i < options.Cases; i++)
        {
            var c = NewCase(world, parties, calendar, rules, today, numbers);
            // The reminder job has run every day of those years: a clock past its day is marked overdue from the day after.
            foreach (var d in c.Deadlines.Where(d => d.Status == DeadlineStatus.Open && d.DueOn < today))
                OverdueSince.SetValue(d, d.DueOn.AddDays(1));
            states[c.State] = states.GetValueOrDefault(c.State) + 1;
            batch.Add(c);
            if (batch.Count == Batch)
            {
                await WriteCasesAsync(writer, batch, ct);
                batch.Clear();
            }
        }
        await WriteCasesAsync(writer, batch, ct);

        // The numbering continues after the generated numbers.
        foreach (var (key, last) in numbers)
        {
            await using var cmd = Sql.Command(conn, "INSERT INTO \"CaseNumberSequences\" (\"Key\", \"Last\") VALUES (@key, @last) ON CONFLICT (\"Key\") DO UPDATE SET \"Last\" = excluded.\"Last\"",
                ("key", key), ("last", last));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // The statistics' rollups, made from the cases and deadlines just written (the app keeps them with every later change).
        await CaseCountRollup.RebuildAsync(conn, ct);
        await using (var analyze = Sql.Command(conn, "ANALYZE"))
            await analyze.ExecuteNonQueryAsync(ct);
        clock.Stop();

        var total = rows.Values.Sum();
        foreach (var (table, n) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            output.WriteLine($"{table,-20} {n,12:N0} rows");
        output.WriteLine("Cases by state: " + string.Join(", ", states.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}")));
        if (_refused.Count > 0)
            output.WriteLine("Steps the engine refused (the case stays where it was): " + string.Join(", ", _refused.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value:N0}")));
        output.WriteLine($"Total {total:N0} rows in {clock.Elapsed.TotalSeconds:N1} s: {total / clock.Elapsed.TotalSeconds:N0} rows/s");
        return new GeneratorReport(rows, states, clock.Elapsed);
    }

    private static async Task WriteCasesAsync(CopyWriter writer, List<PenaltyCase> batch, CancellationToken ct)
    {
        await writer.WriteEntitiesAsync(batch, null, ct);
        await writer.WriteEntitiesAsync(batch.SelectMany(c => c.Officers.Select(o => (c.Id, (object)o))), typeof(CaseOfficer), ct);
        await writer.WriteEntitiesAsync(batch.SelectMany(c => c.Stops.Select(o => (c.Id, (object)o))), typeof(CaseClockStop), ct);
        await writer.WriteEntitiesAsync(batch.SelectMany(c => c.Deadlines.Select(o => (c.Id, (object)o))), typeof(CaseDeadline), ct);
        await writer.WriteEntitiesAsync(batch.SelectMany(c => c.Events.Select(o => (c.Id, (object)o))), typeof(CaseEvent), ct);
        await writer.WriteEntitiesAsync(batch.SelectMany(c => c.Payments.Select(o => (c.Id, (object)o))), typeof(CasePayment), ct);
        await writer.WriteEntitiesAsync(batch.SelectMany(c => c.Measures.Select(o => (c.Id, (object)o))), typeof(CaseMeasure), ct);
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
    /// One case: registered on a day of the last five years, then walked along one of the usual paths with gaps of days
    /// between the steps; it stops where the next step would fall after today (so recent cases are still open) or where
    /// the path ends early (unpaid fines, leads left waiting). A step the engine refuses ends the walk: the case stays as it was.
    /// </summary>
    private PenaltyCase NewCase(World world, List<(Guid Id, string Name, bool Organization)> parties, StatutoryCalendar calendar, CaseRules rules,
        DateOnly today, Dictionary<string, int> numbers)
    {
        var body = world.Bodies[_rng.Next(world.Bodies.Count)];
        var team = world.TeamOf(body.Id, _rng);
        var party = parties[_rng.Next(parties.Count)];
        var act = Pick(Acts);
        var registered = today.AddDays(-_rng.Next(0, 5 * 365));
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
        await using (var cmd = Sql.Command(conn, "SELECT \"Id\" FROM \"Users\" ORDER BY \"UserName\" LIMIT 1"))
            w.UserId = (Guid)(await cmd.ExecuteScalarAsync(ct))!;
        return w;
    }
}

/// <summary>Binary COPY of entities (or rows by property name) into the table the EF model maps them to, with the model's columns, types and conversions.</summary>
internal sealed class CopyWriter(NpgsqlConnection conn, IModel model, Dictionary<string, long> rows)
{
    private sealed record Column(IProperty Property, string Name, string StoreType);

    private readonly Dictionary<Type, (string Table, List<Column> Columns)> _maps = [];

    private (string Table, List<Column> Columns) Map(Type type)
    {
        if (_maps.TryGetValue(type, out var map))
            return map;
        var et = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = et.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, et.GetSchema());
        var columns = et.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => new Column(p, p.GetColumnName(store)!, StripModifiers(p.GetColumnType())))
            .ToList();
        return _maps[type] = (table, columns);
    }

    private static string StripModifiers(string type) => type.IndexOf('(', StringComparison.Ordinal) is var i and >= 0 ? type[..i] + type[(type.IndexOf(')', StringComparison.Ordinal) + 1)..] : type;

    public Task WriteRowsAsync(Type type, IEnumerable<Dictionary<string, object?>> items, CancellationToken ct) =>
        WriteAsync(type, items.Select(d => (Func<IProperty, object?>)(p => d.TryGetValue(p.Name, out var v) ? v : throw new InvalidOperationException($"No value for {type.Name}.{p.Name}"))), raw: true, ct);

    /// <summary>Entities of one type; a child's <c>CaseId</c> is its parent's id (EF would set it on save), and a Guid key is kept as built.</summary>
    public Task WriteEntitiesAsync(IEnumerable<(Guid Parent, object Entity)> items, Type type, CancellationToken ct) =>
        WriteAsync(type, items.Select(i => (Func<IProperty, object?>)(p => p.Name == "CaseId" ? i.Parent : Read(p, i.Entity))), raw: false, ct);

    public Task WriteEntitiesAsync(IEnumerable<PenaltyCase> cases, object? unused, CancellationToken ct) =>
        WriteAsync(typeof(PenaltyCase), cases.Select(c => (Func<IProperty, object?>)(p => Read(p, c))), raw: false, ct);

    /// <summary>Names each region's supervising justice bureau (the region and the bureau point at each other, so this comes after both).</summary>
    public async Task SetSupervisorsAsync(IReadOnlyList<(Guid Region, Guid Bureau)> pairs, CancellationToken ct)
    {
        foreach (var (region, bureau) in pairs)
        {
            await using var cmd = Sql.Command(conn, "UPDATE \"Organizations\" SET \"SupervisingBodyId\" = @bureau WHERE \"Id\" = @region",
                ("bureau", bureau), ("region", region));
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static object? Read(IProperty p, object entity) => p.PropertyInfo is { } pi ? pi.GetValue(entity) : p.FieldInfo!.GetValue(entity);

    private async Task WriteAsync(Type type, IEnumerable<Func<IProperty, object?>> items, bool raw, CancellationToken ct)
    {
        var (table, columns) = Map(type);
        var n = 0L;
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await conn.BeginBinaryImportAsync(copy, ct))
        {
            foreach (var value in items)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    var v = value(column.Property);
                    if (!raw)
                        v = ToProvider(column.Property, v);
                    if (v is null)
                        await importer.WriteNullAsync(ct);
                    else
                        await importer.WriteAsync(v, column.StoreType, ct);
                }
                n++;
            }
            await importer.CompleteAsync(ct);
        }
        rows[table] = rows.GetValueOrDefault(table) + n;
    }

    private static object? ToProvider(IProperty p, object? v)
    {
        if (v is null)
            return null;
        if (p.IsPrimitiveCollection && v is System.Collections.IEnumerable list and not string)
        {
            var element = p.GetElementType()?.GetTypeMapping().Converter;
            return list.Cast<object>().Select(e => element is null ? e?.ToString() : element.ConvertToProvider(e)?.ToString()).ToArray();
        }
        return p.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(v) : v;
    }
}

/// <summary>Plain SQL on either engine's connection, with named parameters.</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection conn, string text, params (string Name, object Value)[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
