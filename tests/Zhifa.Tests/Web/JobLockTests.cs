using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// A job that works in batches (the daily reminders mark thousands of clocks at province scale) must not stop the
/// province's writes while it runs: every save extends the one audit chain under its lock, and a job run in one
/// transaction kept that lock from its first batch to its end (measured: a write waited 14 s behind the reminder job at
/// 10,000,000 cases). On PostgreSQL each of a job's saves now commits on its own.
/// </summary>
public sealed class JobLockTests
{
    [Fact]
    public async Task A_write_goes_through_while_a_job_that_has_saved_a_batch_is_still_running()
    {
        using var app = new ZhifaApp(TestDatabases.Postgres);
        _ = app.Server;
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = app.Services.GetRequiredService<JobRunner>().RunAsync(new HoldingJob(saved, release));
        await saved.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var admin = app.ApiAs("admin");
        var write = admin.PostJsonAsync("/api/v1/parties",
            new PartyRequest(PartyKind.Enterprise, TestData.Name("作业期间企业"), DemoData.Ids.Yuanping, TestData.CreditCode(), "张三"));
        var first = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(20)));
        release.SetResult();
        var outcome = await running;

        Assert.Same(write, first); // before the fix the write waited for the job's end, here for ever
        Assert.Equal(HttpStatusCode.Created, (await write).StatusCode);
        Assert.True(outcome.Ran);
        Assert.Equal(1, outcome.Count);
        await using (app.Scope(out var db))
            Assert.True(db.Parties.Unscoped("the test's own check").Any(p => p.Name.StartsWith("作业中批次企业")), "the job's own batch is saved");
    }

    /// <summary>Saves one audited batch (a party), says so, then waits to be released: a job between two batches.</summary>
    private sealed class HoldingJob(TaskCompletionSource saved, TaskCompletionSource release) : IZhifaJob
    {
        public string Name => "test-holding";

        public async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
        {
            var db = services.GetRequiredService<ZhifaDbContext>();
            var region = db.Organizations.Unscoped("the test job's region").Single(o => o.Id == DemoData.Ids.Yuanping);
            db.Parties.Add(Party.Register(new PartyProfile(PartyKind.Enterprise, TestData.Name("作业中批次企业"), TestData.CreditCode(), "李四", null, null, null, null,
                DemoData.Ids.Yuanping), null, region.Path, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            saved.SetResult();
            await release.Task.WaitAsync(ct);
            return 1;
        }
    }
}
