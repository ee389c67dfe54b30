using Zhifa.Core.Cases;
using Zhifa.Core.Data;
using Zhifa.Web.Common;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Cases;

/// <summary>Case handling (执法办案): the case API, the case lists and pages, the on-the-spot page, and the deadline reminders.</summary>
public sealed class CasesWebModule : WebModule
{
    public override int Order => 60;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddZhifaJob<CaseReminderJob>();
        if (builder.Configuration.GetValue("Zhifa:Jobs:Enabled", true))
            builder.Services.AddHostedService<CaseReminderTimer>();
        builder.Services.AddScoped<IWorkbenchTodo, CaseTodo>();
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        CaseEndpoints.Map(api);
        CaseReportEndpoints.Map(api);
        CaseReminderEndpoints.Map(api);
    }

    /// <summary>
    /// The daily deadline look by hand (or from cron with <c>Zhifa:Jobs:Enabled=false</c>); the case count rollup made again
    /// from the cases (after cases were written past the app, or to check it).
    /// </summary>
    public override IReadOnlyList<HostCommand> Commands =>
    [
        new("remind-deadlines", async (sp, log) =>
        {
            var job = sp.GetServices<IZhifaJob>().Single(j => j.Name == CaseReminderJob.JobName);
            var outcome = await sp.GetRequiredService<JobRunner>().RunAsync(job);
            log.LogInformation("{Count} case deadline(s) marked overdue or due soon.", outcome.Count);
            Console.WriteLine($"{outcome.Count} case deadline(s) marked overdue or due soon");
            return 0;
        }),
        new("rebuild-case-counts", async (sp, log) =>
        {
            var rows = await CaseCountRollup.RebuildAsync(sp.GetRequiredService<ZhifaDbContext>());
            log.LogInformation("{Count} case count row(s) rebuilt from the cases.", rows);
            Console.WriteLine($"{rows} case count row(s) rebuilt from the cases");
            return 0;
        }),
    ];

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("enforcement", 410, "/cases", "nav.cases", CasePermissions.Read, Exact: true),
        new("enforcement", 411, "/cases/new", "nav.case_new", CasePermissions.Handle),
        new("enforcement", 412, "/cases/on-spot", "nav.on_spot", CasePermissions.Handle),
        new("enforcement", 413, "/cases/statistics", "nav.case_statistics", CasePermissions.Read),
    ];

    /// <summary>The party page's tab of the party's cases.</summary>
    public override IReadOnlyList<SlotEntry> Slots =>
    [
        new("party.detail", 10, typeof(Pages.PartyCases)),
    ];
}
