using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;

namespace Zhifa.Web.Common;

/// <summary>Commands of the app that run against the configured database and exit: <c>migrate</c>, <c>seed-demo</c>.</summary>
internal sealed class HostCommands(string name, Func<IServiceProvider, ILogger, Task<int>> run)
{
    private static readonly HostCommands[] All =
    [
        new("migrate", async (sp, log) =>
        {
            var db = sp.GetRequiredService<ZhifaDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.Database.MigrateAsync();
            log.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            return 0;
        }),
        new("seed-demo", async (sp, log) =>
        {
            var db = sp.GetRequiredService<ZhifaDbContext>();
            await db.Database.MigrateAsync();
            var loaded = await sp.GetRequiredService<DemoData>().SeedAsync();
            log.LogInformation(loaded ? "Demo data loaded." : "The database already holds data; demo data not loaded.");
            return 0;
        }),
    ];

    public string Name { get; } = name;

    public static HostCommands? Find(string[] args) =>
        args.Length > 0 ? All.FirstOrDefault(c => c.Name == args[0]) : null;

    public async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Zhifa." + Name);
        return await run(scope.ServiceProvider, logger);
    }
}
