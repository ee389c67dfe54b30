using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Web.Common;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Cases;

/// <summary>What the case lists give beyond a page: the region statistics (from the case count rollup) and the streamed Excel export.</summary>
public static class CaseReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/statistics", async (CaseStatisticsQueries q, DateOnly? from, DateOnly? to, Guid? bodyId, HttpContext http, CancellationToken ct) =>
                (await q.GetAsync(new CaseStatisticsFilter(from, to, bodyId), ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("CaseStatistics")
            .WithSummary("Cases in scope registered in the months from..to (default: the last 12 months), by their state now, by month and by body, and the open "
                + "deadlines past their day today by body. bodyId narrows to a body (or a region) and everything under it; one outside the caller's scope answers 404. "
                + "Read from a rollup kept with every change of a case, never from the cases themselves.")
            .Produces<CaseStatistics>().ProducesValidationProblem().ProducesProblem(404);
        cases.MapGet("/export", async (CaseQueries queries, IStringLocalizer<Ui> l, CaseView? view, CaseState? state, CaseProcedure? procedure, string? q,
                DateOnly? from, DateOnly? to, Guid? partyId, string? sort, CancellationToken ct) =>
            {
                var filter = new CaseListFilter(view, state, procedure, q, from, to, partyId, sort);
                // Written to a temporary file first: a failure on the way answers an error rather than half a workbook, and the
                // download has its length. The file goes away when the response has sent it.
                var file = Xlsx.TemporaryFile();
                try
                {
                    await CaseExports.WriteAsync(file, queries.ExportAsync(filter, ct), l, ct);
                    file.Position = 0;
                    return Results.File(file, Xlsx.ContentType, "cases.xlsx");
                }
                catch
                {
                    await file.DisposeAsync();
                    throw;
                }
            })
            .RequirePermission(CasePermissions.Read).WithName("ExportCases")
            .WithSummary("Every case of the list's filter (the same parameters as the list, without paging) as Excel, in the list's order, streamed from the database.")
            .Produces<byte[]>(200, Xlsx.ContentType);
    }
}

/// <summary>The case export's columns, headed in the user's language.</summary>
internal static class CaseExports
{
    public static IReadOnlyList<string> Header(IStringLocalizer l) =>
    [
        l["cases.number"], l["cases.title"], l["cases.party"], l["cases.body"], l["cases.procedure"], l["cases.state"], l["cases.registered_on"],
        l["cases.next_deadline"], l["cases.decision_number"], l["cases.decided_on"], l["cases.decided_fine"],
    ];

    public static Task<long> WriteAsync(Stream output, IAsyncEnumerable<CaseExportRow> rows, IStringLocalizer l, CancellationToken ct) =>
        Xlsx.WriteAsync(output, "cases", Header(l), Rows(rows, l, ct), ct);

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IAsyncEnumerable<CaseExportRow> rows, IStringLocalizer l, [EnumeratorCancellation] CancellationToken ct)
    {
        // The names of the states and procedures once, not once per row.
        var states = Enum.GetValues<CaseState>().ToDictionary(s => s, s => l[$"enum.CaseState.{s}"].Value);
        var procedures = Enum.GetValues<CaseProcedure>().ToDictionary(p => p, p => l[$"enum.CaseProcedure.{p}"].Value);
        await foreach (var r in rows.WithCancellation(ct))
            yield return [r.CaseNumber, r.Title, r.PartyName, r.BodyName, procedures[r.Procedure], states[r.State], Day(r.RegisteredOn), Day(r.NextDue),
                r.DecisionNumber, Day(r.DecidedOn), r.DecidedFine?.ToString("0.##", CultureInfo.InvariantCulture)];
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
