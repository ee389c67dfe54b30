using Zhifa.Core.Data;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Records;

/// <summary>The full-process record: the evidence API, the case's evidence page (a phone's camera included), the store's check.</summary>
public sealed class RecordsWebModule : WebModule
{
    public override int Order => 65;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<IDefaultDocumentText, ResourceDocumentText>();
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        EvidenceEndpoints.Map(api);
        UploadEndpoints.Map(api);
        DocumentEndpoints.Map(api);
    }

    /// <summary>Every record's file and every stored file hashed again: exit code 1 and each difference when any is found.</summary>
    public override IReadOnlyList<HostCommand> Commands =>
    [
        new("verify-evidence", async (sp, log) =>
        {
            var report = await EvidenceStoreCheck.RunAsync(sp.GetRequiredService<ZhifaDbContext>(), sp.GetRequiredService<IBlobStore>());
            foreach (var problem in report.Problems)
                Console.WriteLine(problem);
            Console.WriteLine($"{report.Records} evidence record(s), {report.Blobs} stored file(s): {(report.Intact ? "intact" : report.Problems.Count + " problem(s)")}");
            log.LogInformation("Evidence store checked: {Records} records, {Blobs} files, {Problems} problems.", report.Records, report.Blobs, report.Problems.Count);
            return report.Intact ? 0 : 1;
        }),
    ];

    /// <summary>A body's numbers and templates, for those who set them.</summary>
    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("enforcement", 414, "/documents", "nav.documents", Zhifa.Core.Cases.CasePermissions.ConfigureDocuments),
    ];

    /// <summary>The case page's link to its evidence.</summary>
    public override IReadOnlyList<SlotEntry> Slots =>
    [
        new("case.record", 10, typeof(Pages.CaseEvidenceLink)),
    ];
}
