using System.Globalization;

namespace Zhifa.Bench;

/// <summary><c>generate --connection "…" --cases 100000 --seed 42</c>: prepares the database as the app does, then fills it with a province.</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "run")
            return await RunBenchmarkAsync(args);
        if (args.Length == 0 || args[0] != "generate")
        {
            Console.Error.WriteLine("usage: generate --connection \"<Npgsql or SQLite (Data Source=…) connection string>\" [--cases 100000] [--seed 42] [--parties N] [--counties N] [--townships 12] [--officers-per-body 30] [--no-prepare] [--no-audit]");
            Console.Error.WriteLine("       run --connection \"<Npgsql connection string>\" [--duration 10] [--clients 8] [--pgbench-scale 10] [--import-rows 1000000] [--export-from yyyy-MM-dd] [--only pgbench,health,writes,reads,export,import] [--sqlite \"<SQLite connection string>\" [--sqlite-only]]");
            return 2;
        }
        string? connection = null;
        int cases = 100_000, seed = 42;
        int? parties = null, counties = null;
        int townships = 12, officersPerBody = 30;
        bool prepare = true, audit = true;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": connection = args[++i]; break;
                case "--cases": cases = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--parties": parties = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--counties": counties = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--townships": townships = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--officers-per-body": officersPerBody = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-prepare": prepare = false; break;
                case "--no-audit": audit = false; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        if (string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine("--connection is required");
            return 2;
        }
        if (prepare)
        {
            var code = AppPreparation.SeedDemo(connection);
            if (code != 0)
                return code;
        }
        // The key the app's seed-demo (run above in this process, from this directory) sealed its entries with.
        var keys = Zhifa.Core.Audit.AuditKeyRing.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var report = await new Generator(connection, new GeneratorOptions(cases, seed, parties, null,
            // A province of 117 counties (Shanxi's count; the demo's 原平市 is one) unless the run is small.
            counties ?? (cases >= 50_000 ? 116 : 0), townships, officersPerBody, keys, audit)).RunAsync(Console.Out);
        return report.Rows > 0 ? 0 : 1;
    }

    private static async Task<int> RunBenchmarkAsync(string[] args)
    {
        string? connection = null;
        int duration = 10, clients = 8, scale = 10;
        string? sqlite = null;
        var sqliteOnly = false;
        DateOnly? exportFrom = null;
        HashSet<string>? only = null;
        var importRows = 1_000_000;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": connection = args[++i]; break;
                case "--duration": duration = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--clients": clients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pgbench-scale": scale = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--sqlite": sqlite = args[++i]; break;
                case "--sqlite-only": sqliteOnly = true; break;
                case "--only":
                    only = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (only.Except(Benchmark.Parts).FirstOrDefault() is { } unknown)
                    {
                        Console.Error.WriteLine($"--only: unknown part {unknown} (parts: {string.Join(",", Benchmark.Parts)})");
                        return 2;
                    }
                    break;
                case "--export-from": exportFrom = DateOnly.ParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--import-rows": importRows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        if (string.IsNullOrWhiteSpace(connection) && !(sqliteOnly && sqlite is not null))
        {
            Console.Error.WriteLine("--connection is required (unless --sqlite … --sqlite-only)");
            return 2;
        }
        var rows = await new Benchmark(new BenchmarkOptions(connection ?? "", TimeSpan.FromSeconds(duration), clients, scale, ImportRows: importRows, SqliteConnection: sqlite, SqliteOnly: sqliteOnly, ExportFrom: exportFrom, Only: only)).RunAsync(Console.Out);
        Console.WriteLine();
        Console.WriteLine(Benchmark.Table(rows));
        return 0;
    }
}

/// <summary>Runs the app's own <c>seed-demo</c> command (migrations, then the demo data into an empty database) in this process.</summary>
public static class AppPreparation
{
    public static int SeedDemo(string connection)
    {
        var entry = typeof(Zhifa.Web.Common.HostSetup).Assembly.EntryPoint
            ?? throw new InvalidOperationException("Zhifa.Web has no entry point.");
        string[] args = ["seed-demo", $"--Zhifa:Database:Provider={Sql.Options(connection).Provider}", $"--ConnectionStrings:Zhifa={connection}"];
        var result = entry.Invoke(null, [args]);
        return result is int code ? code : result is Task<int> task ? task.GetAwaiter().GetResult() : 0;
    }
}
