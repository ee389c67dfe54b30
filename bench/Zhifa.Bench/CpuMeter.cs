using System.Globalization;

namespace Zhifa.Bench;

/// <summary>
/// The CPU a measured run cost: the app's process and the whole machine (Linux <c>/proc/stat</c>: the app, PostgreSQL
/// and the load generator together), per operation — what bounds throughput on a machine whose cores are all busy.
/// </summary>
public sealed class CpuMeter
{
    private readonly AppServer _app;
    private readonly TimeSpan _appStart;
    private readonly TimeSpan? _machineStart;

    private CpuMeter(AppServer app)
    {
        _app = app;
        _appStart = app.CpuTime();
        _machineStart = MachineBusy();
    }

    public static CpuMeter Start(AppServer app) => new(app);

    /// <summary>The app's and the machine's CPU milliseconds per operation since the start.</summary>
    public string PerOperation(int operations, string what)
    {
        if (operations <= 0)
            return "";
        var app = (_app.CpuTime() - _appStart).TotalMilliseconds / operations;
        var text = $"CPU per {what}: app {app.ToString("N1", CultureInfo.InvariantCulture)} ms";
        if (_machineStart is { } start && MachineBusy() is { } now)
            text += $", machine {((now - start).TotalMilliseconds / operations).ToString("N1", CultureInfo.InvariantCulture)} ms";
        return text;
    }

    /// <summary>The machine's busy time over all cores (every column of the <c>cpu</c> line but idle and iowait).</summary>
    private static TimeSpan? MachineBusy()
    {
        if (!File.Exists("/proc/stat"))
            return null;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields.Take(8).Sum() - fields[3] - fields[4]; // user nice system idle iowait irq softirq steal
        return TimeSpan.FromMilliseconds(busy * 10.0); // USER_HZ is 100 on Linux
    }
}
