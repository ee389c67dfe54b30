using Zhifa.Core.Data;
using Zhifa.Core.Demo;

namespace Zhifa.Web.Common;

/// <summary>Commands of the app that run against the configured database and exit: the host's <c>migrate</c> and <c>seed-demo</c>, and the features' (<c>expire-certificates</c>, <c>verify-audit</c>).</summary>
internal sealed class HostCommands(string name, Func<IServiceProvider, ILogger, Task<int>> run)
{
    private static readonly HostCommands[] All =
    [
        new("migrate", async (sp, log) =>
        {
            var pending = await DatabaseLock.PreparingAsync(sp.GetRequiredService<DatabaseOptions>(), () => DatabaseMigration.MigrateAsync(sp, log));
            log.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            return 0;
        }),
        new("seed-demo", async (sp, log) =>
        {
            var loaded = await DatabaseLock.PreparingAsync(sp.GetRequiredService<DatabaseOptions>(), async () =>
            {
                await DatabaseMigration.MigrateAsync(sp, log);
                return await sp.GetRequiredService<DemoData>().SeedAsync();
            });
            log.LogInformation(loaded ? "Demo data loaded." : "The database already holds data; demo data not loaded.");
            return 0;
        }),
    ];

    public string Name { get; } = name;

    /// <summary>The host's own commands, then the features' (<see cref="WebModule.Commands"/>).</summary>
    public static HostCommands? Find(string[] args) =>
        args.Length > 0
            ? All.Concat(WebModules.All.SelectMany(m => m.Commands).Select(c => new HostCommands(c.Name, c.RunAsync))).FirstOrDefault(c => c.Name == args[0])
            : null;

    public async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Zhifa." + Name);
        return await run(scope.ServiceProvider, logger);
    }
}
