using System.Diagnostics;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Runs one of the app's commands as a real process, the way an operator does: <c>dotnet Zhifa.Web.dll migrate</c>.</summary>
public static class AppProcess
{
    /// <summary>Runs <paramref name="command"/> in production mode; <paramref name="settings"/> are further settings (<c>A:B</c>, passed as <c>A__B</c>).</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string command, string provider, string connectionString,
        IReadOnlyDictionary<string, string>? settings = null, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Zhifa.Web.dll"), command, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Zhifa__Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Zhifa"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Zhifa__Audit__SigningKey"] = ZhifaApp.AuditKeyFor(settings?.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
