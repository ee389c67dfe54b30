using System.Diagnostics;

namespace Zhifa.Bench;

/// <summary>What a closed-loop load run measured: requests completed, failures, and the latency distribution.</summary>
public sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, double P50Ms, double P95Ms, double MaxMs, string? FirstFailure)
{
    public double PerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// A closed-loop load generator: <c>clients</c> workers, each sending its next request as soon as the last one answered,
/// for a fixed duration (after a short warm-up that is not counted). Latency is per operation, as the client sees it.
/// </summary>
public static class Load
{
    /// <param name="operation">One operation of worker <c>w</c> (its <c>i</c>-th); answers null when it succeeded, else why not.</param>
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, TimeSpan warmUp, Func<int, int, CancellationToken, Task<string?>> operation,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (warmUp > TimeSpan.Zero)
            await LoopAsync(clients, warmUp, operation, ct);
        return await LoopAsync(clients, duration, operation, ct);
    }

    private static async Task<LoadResult> LoopAsync(int clients, TimeSpan duration, Func<int, int, CancellationToken, Task<string?>> operation, CancellationToken ct)
    {
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        string? firstFailure = null;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            for (var i = 0; watch.Elapsed < duration && !ct.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await operation(w, i, ct);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    failure = e.GetType().Name + ": " + e.Message;
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (failure is not null)
                {
                    failures[w]++;
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        watch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, failures.Sum(), watch.Elapsed, Percentile(all, 0.50), Percentile(all, 0.95), all.Length == 0 ? 0 : all[^1], firstFailure);
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            return 0;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
