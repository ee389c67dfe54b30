using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
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
    public IAsyncEnumerable<CaseExportRow> ExportAsync(CaseListFilter filter, CancellationToken ct = default) => ExportAsync(filter, Paging.CountCap, ct);

    /// <summary>
    /// The export; up to <paramref name="lookupLimit"/> cases, each case's next open deadline is looked up by the case (a
    /// county's export does not read the province's deadlines), beyond it they come from one pass over the open deadlines
    /// grouped by case (a million lookups took three times as long). Both read the deadlines through the scope like the
    /// cases: an unscoped part would lift the scope from the whole query.
    /// </summary>
    internal async IAsyncEnumerable<CaseExportRow> ExportAsync(CaseListFilter filter, int lookupLimit, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // A download of a million rows reads for longer than an interactive query may (30 s): this request's commands may take 10 minutes.
        Db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        // The bodies' names, once: a scoped case's body is in scope (a province has thousands of bodies, not millions).
        var bodies = await Db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Body).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var (filtered, _) = await FilteredAsync(filter with { Page = null, PageSize = null }, ct);
        var cases = Sorts.Apply(filtered, filter.Sort);
        var open = Db.CaseDeadlines.Where(d => d.Status == DeadlineStatus.Open);
        var many = await cases.Take(lookupLimit + 1).CountAsync(ct) > lookupLimit;
        var rows = many
            ? (from c in cases
               join n in open.GroupBy(d => d.CaseId).Select(g => new { CaseId = g.Key, DueOn = g.Min(d => d.DueOn) }) on c.Id equals n.CaseId into due
               from n in due.DefaultIfEmpty()
               select new Exported(c.CaseNumber, c.Title, c.PartyName, c.BodyId, c.Procedure, c.State, c.RegisteredOn, (DateOnly?)n!.DueOn, c.DecisionNumber,
                   c.DecidedOn, c.DecidedFine))
            : cases.Select(c => new Exported(c.CaseNumber, c.Title, c.PartyName, c.BodyId, c.Procedure, c.State, c.RegisteredOn,
                open.Where(d => d.CaseId == c.Id).Min(d => (DateOnly?)d.DueOn), c.DecisionNumber, c.DecidedOn, c.DecidedFine));
        await foreach (var c in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return new CaseExportRow(c.CaseNumber, c.Title, c.PartyName, bodies.GetValueOrDefault(c.BodyId, ""), c.Procedure, c.State, c.RegisteredOn,
                c.NextDue, c.DecisionNumber, c.DecidedOn, c.DecidedFine);
    }

    private sealed record Exported(string? CaseNumber, string Title, string PartyName, Guid BodyId, CaseProcedure Procedure, CaseState State, DateOnly RegisteredOn,
        DateOnly? NextDue, string? DecisionNumber, DateOnly? DecidedOn, decimal? DecidedFine);
}
