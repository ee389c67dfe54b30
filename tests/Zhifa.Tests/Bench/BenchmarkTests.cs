using Zhifa.Bench;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Bench;

/// <summary>
/// The benchmark command (issue 12) at a tiny scale, so that it cannot rot: a generated database, pgbench, the app as its own
/// process, one second per measurement. The figures are not judged against the targets here (a shared CI machine is no
/// benchmark); that every measurement ran, answered and printed is.
/// </summary>
public sealed class BenchmarkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_benchmark_runs_every_measurement_against_a_generated_database_and_prints_the_table()
    {
        using var app = new ZhifaApp(TestDatabases.Postgres);
        _ = app.Server; // migrated and seeded with the demo data
        await new Generator(app.ConnectionString, new GeneratorOptions(300, Seed: 3)).RunAsync(TextWriter.Null);

        var log = new StringWriter();
        var settings = new Dictionary<string, string> { ["Zhifa:Audit:SigningKey"] = ZhifaApp.AuditKeyPem };
        var rows = await new Benchmark(new BenchmarkOptions(app.ConnectionString, TimeSpan.FromSeconds(1), Clients: 2, PgBenchScale: 1, ImportRows: 2_000,
            AppSettings: settings))
            .RunAsync(log);
        var table = Benchmark.Table(rows);
        output.WriteLine(log.ToString());

        string[] expected =
        [
            "pgbench select-only", "pgbench TPC-B-like",
            "GET /health/live anonymous", "GET /health/live bearer token", "GET /health/live cookie session",
            "case-step writes over HTTP (2 clients)",
            "county supervisor's case list, first page (2 clients)",
            "county supervisor's case list, first page: p95 (p50)", "county supervisor's case list, page 500: p95 (p50)",
            "county supervisor's case list, filtered (state, period): p95 (p50)", "case page: p95 (p50)",
            "a body's cases due within 3 working days: p95 (p50)",
            "county supervisor's region statistics: p95 (p50)",
            "case export to Excel: process peak memory",
            "party import from CSV (2,000 rows), speed as a share of raw COPY",
        ];
        foreach (var name in expected)
        {
            var row = Assert.Single(rows, r => r.Name == name);
            Assert.True(row.Value > 0, $"{name}: {row.Figure}");
            Assert.Contains("| " + name + " |", table, StringComparison.Ordinal);
        }
        // Every HTTP measurement was answered as it should be: no failed request anywhere.
        foreach (var row in rows.Where(r => r.Unit is "req/s" or "ms" or "writes/s"))
            Assert.True(row.Note?.Contains("no failures", StringComparison.Ordinal), $"{row.Name}: {row.Note}");
        // The export and the import answered (a refused one is a row with a zero and the answer's status).
        Assert.DoesNotContain(rows, r => r.Note?.StartsWith("answered", StringComparison.Ordinal) == true);
    }
}
