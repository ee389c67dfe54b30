using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases.UseCases;

/// <summary>
/// The period (the months of <see cref="From"/> to <see cref="To"/>; default the last 12 months up to this one) and the
/// organisation (a body or a region, with everything under it; default everything in the caller's scope).
/// </summary>
public sealed record CaseStatisticsFilter(DateOnly? From = null, DateOnly? To = null, Guid? BodyId = null);

public sealed record CaseStateCount(CaseState State, int Count);

/// <summary>Cases registered in a month ("2026-03").</summary>
public sealed record CaseMonthCount(string Month, int Count);

/// <summary>A body: its cases registered in the period by their state now, and its deadlines overdue today.</summary>
public sealed record CaseBodyCount(Guid BodyId, string BodyName, int Registered, IReadOnlyList<CaseStateCount> ByState, int OverdueDeadlines);

/// <summary>
/// The region statistics: cases registered in the period (<see cref="From"/> is the first day of its month, <see cref="To"/>
/// the last of its), by the state they are in now, by month and by body; and the open deadlines past their day today
/// (<see cref="Today"/>), whenever the case was registered.
/// </summary>
public sealed record CaseStatistics(DateOnly From, DateOnly To, DateOnly Today, Guid? BodyId, string? BodyName, int Registered,
    IReadOnlyList<CaseStateCount> ByState, IReadOnlyList<CaseMonthCount> ByMonth, IReadOnlyList<CaseBodyCount> ByBody, int OverdueDeadlines);

/// <summary>
/// The supervisor's and the head's figures, through the caller's scope, read from the rollups kept with every change of a
/// case (<see cref="CaseCountRollup"/>): <see cref="CaseCount"/> (a few rows per body and month) and
/// <see cref="OpenDeadlineCount"/> (a row per body and due day), never from the cases or their deadlines.
/// </summary>
public sealed class CaseStatisticsQueries(CaseContext ctx)
{
    /// <summary>The longest period asked at once: ten years of months.</summary>
    public const int MaxMonths = 120;

    /// <summary>The period when none is asked: this month and the 11 before it.</summary>
    public const int DefaultMonths = 12;

    private ZhifaDbContext Db => ctx.Db;

    public async Task<Result<CaseStatistics>> GetAsync(CaseStatisticsFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = ctx.Today;
        var to = new DateOnly((filter.To ?? today).Year, (filter.To ?? today).Month, 1);
        var from = filter.From is { } f ? new DateOnly(f.Year, f.Month, 1) : to.AddMonths(1 - DefaultMonths);
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        var errors = new ValidationBuilder();
        if (months < 1)
            errors.Add(CaseErrors.PeriodReversed());
        else if (months > MaxMonths)
            errors.Add(CaseErrors.PeriodTooLong(MaxMonths));
        if (errors.Build() is { } invalid)
            return invalid;

        // The bodies within reach, read once through the scope (a province has thousands, not millions): the rollups are
        // then read by their keys, without the scope filter's test on every row.
        var organizations = Db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Body);
        Organization? node = null;
        if (filter.BodyId is { } bodyId)
        {
            node = await Db.ActOnAsync(Db.Organizations, bodyId, CasePermissions.Read, ct);
            if (node is null)
                return OrganizationErrors.NotFound();
            var (path, regionPath, region) = (node.Path, node.RegionPath, node.Kind == OrganizationKind.Region);
            // A body with the bodies under it; a region with every body in it (a city's bureau's county branch too).
            organizations = organizations.Where(o => o.Path.StartsWith(path) || (region && o.RegionPath.StartsWith(regionPath)));
        }
        var names = await organizations.Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var ids = names.Keys.ToList();

        var (fromMonth, toMonth) = (CaseCountRollup.MonthOf(from), CaseCountRollup.MonthOf(to));
        var counts = Db.CaseCounts.Unscoped("the bodies were read through the caller's scope just before")
            .Where(c => ids.Contains(c.BodyId) && c.Month >= fromMonth && c.Month <= toMonth);
        var byBodyAndState = await counts.GroupBy(c => new { c.BodyId, c.State })
            .Select(g => new { g.Key.BodyId, g.Key.State, Count = g.Sum(c => c.Count) }).Where(x => x.Count != 0).ToListAsync(ct);
        var byMonth = await counts.GroupBy(c => c.Month).Select(g => new { Month = g.Key, Count = g.Sum(c => c.Count) }).ToDictionaryAsync(x => x.Month, x => x.Count, ct);
        var overdue = await Db.OpenDeadlineCounts.Unscoped("the bodies were read through the caller's scope just before")
            .Where(d => ids.Contains(d.BodyId) && d.DueOn < today).GroupBy(d => d.BodyId)
            .Select(g => new { BodyId = g.Key, Count = g.Sum(d => d.Count) }).Where(x => x.Count != 0).ToDictionaryAsync(x => x.BodyId, x => x.Count, ct);

        var bodyIds = byBodyAndState.Select(x => x.BodyId).Concat(overdue.Keys).Distinct().ToList();
        var byBody = bodyIds.Select(id =>
            {
                var states = byBodyAndState.Where(x => x.BodyId == id).OrderBy(x => x.State).Select(x => new CaseStateCount(x.State, x.Count)).ToList();
                return new CaseBodyCount(id, names.GetValueOrDefault(id, ""), states.Sum(s => s.Count), states, overdue.GetValueOrDefault(id));
            })
            .OrderByDescending(b => b.Registered).ThenByDescending(b => b.OverdueDeadlines).ThenBy(b => b.BodyName, StringComparer.Ordinal).ToList();
        var byState = byBodyAndState.GroupBy(x => x.State).OrderBy(g => g.Key).Select(g => new CaseStateCount(g.Key, g.Sum(x => x.Count))).ToList();
        var monthly = Enumerable.Range(0, months).Select(i => from.AddMonths(i))
            .Select(m => new CaseMonthCount(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), byMonth.GetValueOrDefault(CaseCountRollup.MonthOf(m))))
            .ToList();
        return new CaseStatistics(from, to.AddMonths(1).AddDays(-1), today, node?.Id, node?.Name, byState.Sum(s => s.Count), byState, monthly, byBody,
            overdue.Values.Sum());
    }
}
