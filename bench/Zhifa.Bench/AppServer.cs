using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zhifa.Bench;

/// <summary>
/// The app as an operator runs it: <c>dotnet Zhifa.Web.dll</c> in production mode, in its own process on a free port,
/// against the given database. Its own process, so that the load generator does not share its heap and its peak memory
/// (<c>VmHWM</c>) can be read.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the app wrote to its console (for a failure's report).</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public static async Task<AppServer> StartAsync(string provider, string connection, IReadOnlyDictionary<string, string>? settings = null, CancellationToken ct = default)
    {
        var dll = typeof(Zhifa.Web.Common.HostSetup).Assembly.Location;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Zhifa__Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Zhifa"] = connection;
        // The benchmark signs in many times from one address: the sign-in rate limit would refuse it.
        start.Environment["Zhifa__Security__AddressAttemptsPerMinute"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new AppServer(process, address);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{server.Log}");
            try
            {
                if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), ct)).StatusCode == HttpStatusCode.OK)
                    return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(200, ct);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"The app did not answer /health/ready within 2 minutes:\n{server.Log}");
    }

    /// <summary>The CPU time the app's process has used so far (user and system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The process's peak resident memory so far (Linux <c>VmHWM</c>), in MiB; null where /proc is not there.</summary>
    public double? PeakMemoryMiB() => ProcStatus(_process.Id, "VmHWM:");

    /// <summary>The process's resident memory now (Linux <c>VmRSS</c>), in MiB.</summary>
    public double? MemoryMiB() => ProcStatus(_process.Id, "VmRSS:");

    private static double? ProcStatus(int pid, string field)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(path))
            return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        if (line is null)
            return null;
        var kb = double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (_log.Length < 200_000)
                _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
