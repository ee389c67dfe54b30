using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Audit;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Demo;

namespace Zhifa.Web.Common;

/// <summary>Commands of the app that run against the configured database and exit: <c>migrate</c>, <c>seed-demo</c>, <c>expire-certificates</c>, <c>verify-audit</c>.</summary>
internal sealed class HostCommands(string name, Func<IServiceProvider, ILogger, Task<int>> run)
{
    private static readonly HostCommands[] All =
    [
        new("migrate", async (sp, log) =>
        {
            var db = sp.GetRequiredService<ZhifaDbContext>();
            var pending = await DatabaseLock.PreparingAsync(sp.GetRequiredService<DatabaseOptions>(), async () =>
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                await db.Database.MigrateAsync();
                foreach (var module in ModuleCatalog.All)
                    await module.AfterMigrationAsync(sp, CancellationToken.None);
                return pending;
            });
            log.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            return 0;
        }),
        new("seed-demo", async (sp, log) =>
        {
            var db = sp.GetRequiredService<ZhifaDbContext>();
            var loaded = await DatabaseLock.PreparingAsync(sp.GetRequiredService<DatabaseOptions>(), async () =>
            {
                await db.Database.MigrateAsync();
                foreach (var module in ModuleCatalog.All)
                    await module.AfterMigrationAsync(sp, CancellationToken.None);
                return await sp.GetRequiredService<DemoData>().SeedAsync();
            });
            log.LogInformation(loaded ? "Demo data loaded." : "The database already holds data; demo data not loaded.");
            return 0;
        }),
        new("expire-certificates", async (sp, log) =>
        {
            var job = sp.GetServices<IZhifaJob>().Single(j => j.Name == "certificate-expiry");
            var outcome = await sp.GetRequiredService<JobRunner>().RunAsync(job);
            var count = outcome.Count;
            log.LogInformation("{Count} certificate expiry(ies) recorded.", count);
            Console.WriteLine($"{count} certificate expiry(ies) recorded");
            return 0;
        }),
        new("verify-audit", async (sp, log) =>
        {
            var result = await sp.GetRequiredService<VerifyAudit>().ExecuteAsync();
            if (result.Intact)
            {
                log.LogInformation("Audit trail intact: {Count} entries verified.", result.Checked);
                Console.WriteLine($"audit trail intact: {result.Checked} entries verified");
                return 0;
            }
            log.LogError("Audit trail broken at entry {Sequence} ({Id}): {Problem}", result.FirstBadSequence, result.FirstBadId, result.Problem);
            Console.WriteLine($"audit trail broken at entry {result.FirstBadSequence} (id {result.FirstBadId}): {result.Problem}; {result.Checked} entries before it verified");
            return 3;
        }),
    ];

    public string Name { get; } = name;

    public static HostCommands? Find(string[] args) =>
        args.Length > 0 ? All.FirstOrDefault(c => c.Name == args[0]) : null;

    public async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Zhifa." + Name);
        return await run(scope.ServiceProvider, logger);
    }
}
