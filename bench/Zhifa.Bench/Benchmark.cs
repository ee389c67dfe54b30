using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhifa.Core.Common;

namespace Zhifa.Bench;

public sealed record BenchmarkOptions(
    string Connection,
    TimeSpan Duration,
    int Clients = 8,
    int PgBenchScale = 10,
    string Password = "Zhifa@2026",
    string Supervisor = "yp.supervisor",
    string Officer = "yp.market.officer",
    string Head = "yp.market.head",
    string ExportUser = "admin",
    int ImportRows = 1_000_000,
    string? SqliteConnection = null,
    bool SqliteOnly = false,
    DateOnly? ExportFrom = null,
    IReadOnlySet<string>? Only = null,
    TimeProvider? Clock = null,
    IReadOnlyDictionary<string, string>? AppSettings = null);

/// <summary>One line of the benchmark's table: what was measured, the figure, the target and whether it is met.</summary>
public sealed record BenchmarkRow(string Name, double Value, string Unit, string? Target = null, bool? Met = null, string? Note = null)
{
    public string Figure => Unit switch
    {
        "%" => Value.ToString("N1", CultureInfo.InvariantCulture) + " %",
        "ms" => Value.ToString("N1", CultureInfo.InvariantCulture) + " ms",
        _ => Value.ToString("N0", CultureInfo.InvariantCulture) + " " + Unit,
    };
}

/// <summary>
/// Issue 12's measurements in one run, against a generated database: PostgreSQL's own limits (pgbench), the fixed cost
/// of authentication, case-step writes over HTTP, the lists and the case page, the statistics, import and export.
/// The app runs as its own process (<see cref="AppServer"/>); the load comes from closed-loop clients (<see cref="Load"/>).
/// </summary>
public sealed partial class Benchmark(BenchmarkOptions options)
{
    private readonly List<BenchmarkRow> _rows = [];

    public IReadOnlyList<BenchmarkRow> Rows => _rows;

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var warm = TimeSpan.FromSeconds(Math.Min(2, options.Duration.TotalSeconds / 4));
        var today = DateOnly.FromDateTime((options.Clock ?? TimeProvider.System).GetUtcNow().UtcDateTime.AddHours(8));

        if (!options.SqliteOnly)
            await PostgresAsync(output, warm, today, ct);

        // 8. The same reads on SQLite.
        if (options.SqliteConnection is { } sqlite)
        {
            await using var app = await AppServer.StartAsync("Sqlite", sqlite, options.AppSettings, ct);
            using var http = Client(app.Address, options.Clients);
            await ReadsAsync("SQLite: ", app, http, await TokenAsync(http, options.Supervisor, ct), await TokenAsync(http, options.Head, ct), today, null, 100, output, ct);
        }
        return _rows;
    }

    /// <summary>The parts <c>--only</c> can name; all of them run without it.</summary>
    public static readonly IReadOnlyList<string> Parts = ["pgbench", "health", "writes", "reads", "export", "import"];

    private bool Wants(string part) => options.Only is null || options.Only.Contains(part);

    /// <summary>Measurements 1 to 7, on PostgreSQL.</summary>
    private async Task PostgresAsync(TextWriter output, TimeSpan warm, DateOnly today, CancellationToken ct)
    {
        double select = double.NaN, tpcb = double.NaN;
        if (Wants("pgbench"))
        {
            output.WriteLine($"pgbench (scale {options.PgBenchScale}, {options.Clients} clients, {options.Duration.TotalSeconds:N0} s each) …");
            (select, tpcb) = await PgBench.RunAsync(options.Connection, options.PgBenchScale, options.Clients, options.Duration, ct);
            Add(new BenchmarkRow("pgbench select-only", select, "tps"), output);
            Add(new BenchmarkRow("pgbench TPC-B-like", tpcb, "tps"), output);
        }

        if (Wants("health") || Wants("writes") || Wants("reads"))
        {
            await using var app = await AppServer.StartAsync("Postgres", options.Connection, options.AppSettings, ct);
            using var http = Client(app.Address, options.Clients);
            var supervisor = await TokenAsync(http, options.Supervisor, ct);
            var officer = await TokenAsync(http, options.Officer, ct);
            var head = await TokenAsync(http, options.Head, ct);

            // 2. The fixed cost of an authenticated request.
            if (Wants("health"))
            {
                var anonymous = await Load.RunAsync(options.Clients, options.Duration, warm, (_, _, c) => GetAsync(http, "/health/live", null, c), ct);
                var (bearer, bearerCpu) = await MeteredAsync(app, warm, (_, _, c) => GetAsync(http, "/health/live", supervisor, c), "request", ct);
                using var cookieClient = await CookieClientAsync(app.Address, options.Supervisor, ct);
                var cookie = await Load.RunAsync(options.Clients, options.Duration, warm, (_, _, c) => GetAsync(cookieClient, "/health/live", null, c), ct);
                Add(Rate("GET /health/live anonymous", anonymous), output);
                Add(Rate("GET /health/live bearer token", bearer, "≥ 50 % of anonymous", bearer.PerSecond / anonymous.PerSecond, bearerCpu), output);
                Add(Rate("GET /health/live cookie session", cookie, "≥ 50 % of anonymous", cookie.PerSecond / anonymous.PerSecond), output);
            }

            // 3. Case-step writes: register a lead (officer), open it (head) — two writes per operation.
            if (Wants("writes"))
            {
                var party = DeterministicGuid.From("party:原平市惠民超市有限公司");
                var (writes, writeCpu) = await MeteredAsync(app, warm, (w, i, c) => RegisterAndOpenAsync(http, officer, head, party, today, w, i, c), "two writes", ct);
                var writeRate = writes.PerSecond * 2;
                if (writes.Failures > 0)
                    output.WriteLine("The app's log after the failed writes:\n" + string.Join('\n', app.Log.Split('\n').TakeLast(60)));
                Add(new BenchmarkRow($"case-step writes over HTTP ({options.Clients} clients)", writeRate, "writes/s", "≥ 50 % of TPC-B",
                    double.IsNaN(tpcb) ? null : writeRate / tpcb >= 0.5, $"{writeRate / tpcb * 100:N1} % of TPC-B; p95 of the two {writes.P95Ms:N1} ms; {writeCpu}; {Failures(writes)}"), output);
            }

            // 4, 5. The lists, the case page and the statistics.
            if (Wants("reads"))
                await ReadsAsync("", app, http, supervisor, head, today, double.IsNaN(select) ? null : select, 50, output, ct);
        }

        // 7. Export, in a fresh process so that its peak memory is the export's.
        if (Wants("export"))
            await ExportAsync(output, ct);

        // 6. Import of parties from CSV against a raw COPY of the same file, in a fresh process (its peak memory is the import's).
        if (Wants("import"))
            await ImportAsync(output, ct);
    }

    /// <summary>
    /// The county supervisor's case list (first page, page 500, filtered), the case page, a body's due-soon list and the
    /// region statistics: latency with one client (the figure a user feels); the first page's throughput with all clients too.
    /// </summary>
    private async Task ReadsAsync(string label, AppServer app, HttpClient http, string supervisor, string head, DateOnly today, double? selectOnly, double listTargetMs,
        TextWriter output, CancellationToken ct)
    {
        var warm = TimeSpan.FromSeconds(Math.Min(2, options.Duration.TotalSeconds / 4));
        var ids = await CaseIdsAsync(http, supervisor, ct);
        if (selectOnly is { } select)
        {
            var (firstPage, pageCpu) = await MeteredAsync(app, warm, (_, _, c) => GetAsync(http, "/api/v1/cases?pageSize=20", supervisor, c), "request", ct);
            Add(new BenchmarkRow($"{label}county supervisor's case list, first page ({options.Clients} clients)", firstPage.PerSecond, "req/s", "≥ 10 % of select-only",
                firstPage.PerSecond / select >= 0.10, $"{firstPage.PerSecond / select * 100:N1} % of select-only; {pageCpu}; {Failures(firstPage)}"), output);
        }
        var from = today.AddYears(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LatencyAsync(label + "county supervisor's case list, first page", "/api/v1/cases?pageSize=20", supervisor, listTargetMs, http, warm, output, ct);
        await LatencyAsync(label + "county supervisor's case list, page 500", "/api/v1/cases?pageSize=20&page=500", supervisor, listTargetMs, http, warm, output, ct);
        await LatencyAsync(label + "county supervisor's case list, filtered (state, period)", $"/api/v1/cases?pageSize=20&state=Archived&from={from}&to={to}",
            supervisor, listTargetMs, http, warm, output, ct);
        var random = new Random(1);
        await LatencyAsync(label + "case page", null, supervisor, listTargetMs, http, warm, output, ct, () => $"/api/v1/cases/{ids[random.Next(ids.Count)]}");
        await LatencyAsync(label + "a body's cases due within 3 working days", "/api/v1/cases?view=DueSoon&pageSize=20", head, listTargetMs, http, warm, output, ct);
        await LatencyAsync(label + "county supervisor's region statistics", "/api/v1/cases/statistics", supervisor, 100, http, warm, output, ct);
    }

    private async Task ExportAsync(TextWriter output, CancellationToken ct)
    {
        await using var app = await AppServer.StartAsync("Postgres", options.Connection, options.AppSettings, ct);
        using var http = Client(app.Address, 1);
        http.Timeout = TimeSpan.FromMinutes(30);
        var token = await TokenAsync(http, options.ExportUser, ct);
        var before = app.PeakMemoryMiB();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Every case, or those registered from a day (10,000,000 cases hold about 1,000,000 in their last six months).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/export"
            + (options.ExportFrom is { } from ? "?from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Add(new BenchmarkRow("case export to Excel", 0, "rows", "peak ≤ 300 MB", false, $"answered {(int)response.StatusCode}"), output);
            output.WriteLine("The app's log after the failed export:\n" + string.Join('\n', app.Log.Split('\n').TakeLast(40)));
            return;
        }
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var bytes = await CountBytesAsync(body, ct);
        watch.Stop();
        var peak = app.PeakMemoryMiB() ?? 0;
        var rows = response.Headers.TryGetValues("X-Row-Count", out var counted) ? int.Parse(counted.First(), CultureInfo.InvariantCulture) : -1;
        Add(new BenchmarkRow("case export to Excel: process peak memory", peak, "MiB", "≤ 300 MB", peak <= 300,
            $"{(rows >= 0 ? rows.ToString("N0", CultureInfo.InvariantCulture) + " rows, " : "")}{bytes / 1024.0 / 1024:N1} MiB in {watch.Elapsed.TotalSeconds:N1} s; peak before the export {before:N0} MiB"), output);
    }

    private async Task ImportAsync(TextWriter output, CancellationToken ct)
    {
        var codes = new List<string>();
        await using (var conn = new Npgsql.NpgsqlConnection(options.Connection))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT \"Code\" FROM \"Organizations\" WHERE \"Kind\" = 'Region' AND \"Level\" = 'County' ORDER BY \"Code\"", conn);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                codes.Add(r.GetString(0));
        }
        var path = Path.Combine(Path.GetTempPath(), $"zhifa-bench-parties-{Guid.NewGuid():N}.csv");
        try
        {
            // A new seed each run: the registry keeps what an earlier run imported, and a code registered twice is refused.
            await using (var file = File.Create(path))
                Zhifa.Core.Parties.PartyCsv.Write(file, options.ImportRows, Random.Shared.Next(), codes);
            Zhifa.Core.Parties.RawCopyTiming raw;
            await using (var file = File.OpenRead(path))
                raw = await Zhifa.Core.Parties.PartyCsv.RawCopyAsync(options.Connection, file, ct);

            await using var app = await AppServer.StartAsync("Postgres", options.Connection, options.AppSettings, ct);
            using var http = Client(app.Address, 1);
            http.Timeout = TimeSpan.FromMinutes(60);
            var token = await TokenAsync(http, options.ExportUser, ct);
            using var content = new MultipartFormDataContent();
            var upload = new StreamContent(File.OpenRead(path));
            upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(upload, "file", "parties.csv");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parties/import") { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            watch.Stop();
            var peak = app.PeakMemoryMiB() ?? 0;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Add(new BenchmarkRow($"party import from CSV ({options.ImportRows:N0} rows)", 0, "%", "≥ 50 % of raw COPY", false,
                    $"answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}"), output);
                output.WriteLine("The app's log after the failed import:\n" + string.Join('\n', app.Log.Split('\n').TakeLast(40)));
                return;
            }
            var ratio = raw.Elapsed.TotalSeconds / watch.Elapsed.TotalSeconds;
            Add(new BenchmarkRow($"party import from CSV ({options.ImportRows:N0} rows), speed as a share of raw COPY", ratio * 100, "%", "≥ 50 % of raw COPY", ratio >= 0.5,
                $"import over HTTP {watch.Elapsed.TotalSeconds:N1} s ({options.ImportRows / watch.Elapsed.TotalSeconds:N0} rows/s), raw COPY {raw.Elapsed.TotalSeconds:N1} s; "
                + $"app peak memory {peak:N0} MiB"), output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> CountBytesAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            total += read;
        return total;
    }

    private async Task LatencyAsync(string name, string? url, string token, double targetMs, HttpClient http, TimeSpan warm, TextWriter output, CancellationToken ct,
        Func<string>? next = null)
    {
        var result = await Load.RunAsync(1, options.Duration, warm, (_, _, c) => GetAsync(http, url ?? next!(), token, c), ct);
        Add(new BenchmarkRow(name + ": p95 (p50)", result.P95Ms, "ms", $"p95 ≤ {targetMs:N0} ms", result.Failures == 0 && result.P95Ms <= targetMs,
            $"p50 {result.P50Ms:N1} ms, {result.Requests:N0} requests; {Failures(result)}"), output);
    }

    private static BenchmarkRow Rate(string name, LoadResult result, string? target = null, double? ratio = null, string? cpu = null) =>
        new(name, result.PerSecond, "req/s", target, ratio is { } r ? r >= 0.5 && result.Failures == 0 : null,
            (ratio is { } x ? $"{x * 100:N1} % of anonymous; " : "") + $"p95 {result.P95Ms:N1} ms; " + (cpu is null ? "" : cpu + "; ") + Failures(result));

    /// <summary>A throughput run with all clients, warmed up first, and the CPU its operations cost (<see cref="CpuMeter"/>).</summary>
    private async Task<(LoadResult Result, string Cpu)> MeteredAsync(AppServer app, TimeSpan warm, Func<int, int, CancellationToken, Task<string?>> operation, string what,
        CancellationToken ct)
    {
        await Load.RunAsync(options.Clients, warm, TimeSpan.Zero, operation, ct);
        var meter = CpuMeter.Start(app);
        var result = await Load.RunAsync(options.Clients, options.Duration, TimeSpan.Zero, operation, ct);
        return (result, meter.PerOperation(result.Requests, what));
    }

    private static string Failures(LoadResult r) => r.Failures == 0 ? "no failures" : $"{r.Failures:N0} failures, first: {r.FirstFailure}";

    private void Add(BenchmarkRow row, TextWriter output)
    {
        _rows.Add(row);
        output.WriteLine($"  {row.Name}: {row.Figure}{(row.Note is null ? "" : " — " + row.Note)}");
    }

    /// <summary>The table as Markdown: measurement, figure, target, met.</summary>
    public static string Table(IReadOnlyList<BenchmarkRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| measurement | figure | target | met | notes |");
        text.AppendLine("|---|---:|---|---|---|");
        foreach (var r in rows)
            text.AppendLine($"| {r.Name} | {r.Figure} | {r.Target ?? ""} | {(r.Met is null ? "" : r.Met.Value ? "yes" : "**no**")} | {r.Note ?? ""} |");
        return text.ToString();
    }

    private static HttpClient Client(Uri address, int connections, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, connections),
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    private async Task<string> TokenAsync(HttpClient http, string userName, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = options.Password, name = "bench" }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A client with a cookie session, signed in through the sign-in page as a browser does.</summary>
    private async Task<HttpClient> CookieClientAsync(Uri address, string userName, CancellationToken ct)
    {
        var client = Client(address, options.Clients, new CookieContainer());
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), ct);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["UserName"] = userName, ["Password"] = options.Password,
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{userName} could not sign in through the page: {(int)response.StatusCode}");
        return client;
    }

    private static async Task<string?> GetAsync(HttpClient http, string url, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.StatusCode == HttpStatusCode.OK ? null : $"{url} answered {(int)response.StatusCode}";
    }

    private static async Task<string?> RegisterAndOpenAsync(HttpClient http, string officer, string head, Guid party, DateOnly today, int worker, int i, CancellationToken ct)
    {
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = JsonContent.Create(new
            {
                bodyId = Zhifa.Core.Demo.DemoData.Ids.YuanpingMarket, source = "Complaint", partyId = party, title = $"压测案源 {worker}-{i}", facts = "举报超市销售标签不合格的预包装食品。",
                actOn = today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                discoveredOn = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }),
        };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officer);
        using var created = await http.SendAsync(register, ct);
        if (created.StatusCode != HttpStatusCode.Created)
            return $"register answered {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}";
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct));
        var id = json.RootElement.GetProperty("id").GetGuid();
        var version = json.RootElement.GetProperty("version").GetInt32();
        using var open = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/actions/Open") { Content = JsonContent.Create(new { version }) };
        open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", head);
        using var opened = await http.SendAsync(open, ct);
        return opened.StatusCode == HttpStatusCode.OK ? null : $"open answered {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync(ct)}";
    }

    /// <summary>Case ids of the supervisor's first pages, for the case page measurement.</summary>
    private static async Task<List<Guid>> CaseIdsAsync(HttpClient http, string token, CancellationToken ct)
    {
        var ids = new List<Guid>();
        for (var page = 1; page <= 5; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases?pageSize=100&page={page}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }
        if (ids.Count == 0)
            throw new InvalidOperationException("The supervisor sees no cases: generate some first.");
        return ids;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
