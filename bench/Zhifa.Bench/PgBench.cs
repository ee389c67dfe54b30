using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Zhifa.Bench;

/// <summary>PostgreSQL's own benchmark on the same server: the ceiling the app's figures are compared with.</summary>
public static partial class PgBench
{
    /// <summary>
    /// Initialises pgbench's tables at <paramref name="scale"/> in a database of their own next to the app's
    /// (<c>{database}_pgbench</c>, created if missing) and answers the tps of select-only and of TPC-B-like.
    /// </summary>
    public static async Task<(double SelectOnly, double TpcB)> RunAsync(string connection, int scale, int clients, TimeSpan duration, CancellationToken ct = default)
    {
        var cs = new NpgsqlConnectionStringBuilder(connection);
        var database = (cs.Database ?? "postgres") + "_pgbench";
        await using (var conn = new NpgsqlConnection(connection))
        {
            await conn.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = database } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        await PgBenchAsync(cs, database, ct, "-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture));
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var threads = Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture);
        var c = clients.ToString(CultureInfo.InvariantCulture);
        var select = Tps(await PgBenchAsync(cs, database, ct, "-S", "-n", "-c", c, "-j", threads, "-T", seconds));
        var tpcb = Tps(await PgBenchAsync(cs, database, ct, "-n", "-c", c, "-j", threads, "-T", seconds));
        return (select, tpcb);
    }

    private static double Tps(string output)
    {
        var match = TpsLine().Match(output);
        if (!match.Success)
            throw new InvalidOperationException("pgbench printed no tps:\n" + output);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> PgBenchAsync(NpgsqlConnectionStringBuilder cs, string database, CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable(), [.. arguments, "-h", cs.Host ?? "127.0.0.1", "-p", cs.Port.ToString(CultureInfo.InvariantCulture),
            "-U", cs.Username ?? "postgres", database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(cs.Password))
            start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{output}");
        return output;
    }

    /// <summary><c>pgbench</c> on the PATH, else the newest PostgreSQL's own.</summary>
    private static string Executable()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pgbench")))
                return Path.Combine(dir, "pgbench");
        }
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).ToList() : [];
        return versions.Select(v => Path.Combine(v, "bin", "pgbench")).LastOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pgbench is not installed (Debian: postgresql-client or postgresql).");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
