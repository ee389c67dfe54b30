using Zhifa.Core.Personnel.UseCases;
using Zhifa.Core.Personnel;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Personnel;

/// <summary>Personnel: officers, certificates, exams, training; public certificate verification; the daily expiry job.</summary>
public sealed class PersonnelWebModule : WebModule
{
    public override int Order => 20;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddZhifaPersonnel(builder.Configuration, builder.Environment);
        builder.Services.AddScoped<IWorkbenchTodo, QualificationTodo>();
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => PersonnelEndpoints.Map(api, app);

    /// <summary>The daily expiry job by hand (or from cron with <c>Zhifa:Jobs:Enabled=false</c>).</summary>
    public override IReadOnlyList<HostCommand> Commands =>
    [
        new("expire-certificates", async (sp, log) =>
        {
            var job = sp.GetServices<IZhifaJob>().Single(j => j.Name == "certificate-expiry");
            var outcome = await sp.GetRequiredService<JobRunner>().RunAsync(job);
            var count = outcome.Count;
            log.LogInformation("{Count} certificate expiry(ies) recorded.", count);
            Console.WriteLine($"{count} certificate expiry(ies) recorded");
            return 0;
        }),
    ];

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("personnel", 200, "/personnel/officers", "nav.officers", PersonnelPermissions.PersonnelRead),
        new("personnel", 201, "/personnel/certificates", "nav.certificates", PersonnelPermissions.PersonnelRead),
        new("personnel", 202, "/personnel/exams", "nav.exams", PersonnelPermissions.PersonnelRead),
        new("personnel", 203, "/personnel/training", "nav.training", PersonnelPermissions.PersonnelRead),
        new("personnel", 204, "/personnel/compliance", "nav.compliance", PersonnelPermissions.PersonnelRead),
        new("personnel", 205, "/personnel/settings", "nav.personnel_settings", PersonnelPermissions.PersonnelRead),
        new("interop", 1001, "/public/verify", "nav.public_verify", null),
    ];

    public override IReadOnlyList<WorkbenchSection> Workbench => [new(10, typeof(PersonnelWorkbench), PersonnelWorkbench.LoadAsync)];
}

/// <summary>The legal reviewer's to-do: officers of their scope who may not act, and certificates whose annual review is overdue.</summary>
internal sealed class QualificationTodo(PersonnelQueries personnel, Zhifa.Core.Data.ActorContext actor) : IWorkbenchTodo
{
    public int Order => 30;

    public async Task<IReadOnlyList<TodoCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.Can(PersonnelPermissions.QualificationCheck))
            return [];
        var figures = await personnel.SummaryAsync(ct);
        return
        [
            new("without_certificate", figures.WithoutCertificate, "/personnel/officers?status=Active&cert=none"),
            new("review_overdue", figures.ReviewOverdue, "/personnel/certificates?reviewOverdue=true"),
        ];
    }
}
