using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases.UseCases;

/// <summary>A case as the export writes it: the list's columns (no more personal data than the list shows) and the decision.</summary>
public sealed record CaseExportRow(string? CaseNumber, string Title, string PartyName, string BodyName, CaseProcedure Procedure, CaseState State,
    DateOnly RegisteredOn, DateOnly? NextDue, string? DecisionNumber, DateOnly? DecidedOn, decimal? DecidedFine);

public sealed partial class CaseQueries
{
    /// <summary>
    /// Every case of the list's filter (its view, state, procedure, search and dates) in the list's order, streamed from
    /// the database one row at a time: nothing is held but the row being read, whatever the number of cases.
    /// </summary>
    public async IAsyncEnumerable<CaseExportRow> ExportAsync(CaseListFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The bodies' names, once: a scoped case's body is in scope (a province has thousands of bodies, not millions).
        var bodies = await Db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Body).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        // The next open deadline of every case at once (a hash join on the open deadlines grouped by case), not a lookup per
        // case: a million cases in one pass.
        var next = Db.CaseDeadlines.Unscoped("a case's own deadlines: the case is read through the scope")
            .Where(d => d.Status == DeadlineStatus.Open).GroupBy(d => d.CaseId).Select(g => new { CaseId = g.Key, DueOn = g.Min(d => d.DueOn) });
        var (cases, _) = await FilteredAsync(filter with { Page = null, PageSize = null }, ct);
        var rows = (from c in Sorts.Apply(cases, filter.Sort)
                    join n in next on c.Id equals n.CaseId into due
                    from n in due.DefaultIfEmpty()
                    select new
                    {
                        c.CaseNumber, c.Title, c.PartyName, c.BodyId, c.Procedure, c.State, c.RegisteredOn, NextDue = (DateOnly?)n!.DueOn,
                        c.DecisionNumber, c.DecidedOn, c.DecidedFine,
                    })
            .AsAsyncEnumerable().WithCancellation(ct);
        await foreach (var c in rows)
            yield return new CaseExportRow(c.CaseNumber, c.Title, c.PartyName, bodies.GetValueOrDefault(c.BodyId, ""), c.Procedure, c.State, c.RegisteredOn,
                c.NextDue, c.DecisionNumber, c.DecidedOn, c.DecidedFine);
    }
}
