using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Common;

/// <param name="TotalIsLowerBound">
/// True when the list counted only up to <see cref="Paging.CountCap"/> rows and there are more: the page shows
/// "10,000+" and pages beyond the cap are reached from the other end (reverse the sort), or, where the list offers
/// them, by cursor (<paramref name="NextCursor"/>), never by reading every row.
/// </param>
/// <param name="PageNumber">The page's number; 0 for a page reached by cursor (<c>after</c> or <c>before</c>), which has none.</param>
/// <param name="NextCursor">
/// Where the list pages by key (keyset): an opaque cursor for the page after this one (<c>after=…</c>), null when no row
/// follows. Unlike a page number it costs the same however far into the list it is.
/// </param>
/// <param name="PreviousCursor">The cursor for the page before this one (<c>before=…</c>), on a page reached by cursor.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, bool TotalIsLowerBound = false,
    string? NextCursor = null, string? PreviousCursor = null)
{
    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>The page sizes a list offers.</summary>
    public static readonly IReadOnlyList<int> Sizes = [20, 50, 100, 200];

    /// <summary>
    /// How far a list that may hold millions of rows counts (and pages by offset). Counting further would read every
    /// row of the table on each request.
    /// </summary>
    public const int CountCap = 10_000;

    public static (int Page, int Size) Normalize(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    /// <summary>
    /// A page of a list that may be very large: counts at most <see cref="CountCap"/> rows (plus one, to know there are
    /// more) and reads the page by offset only within the cap; a later page number is clamped to the last counted page.
    /// </summary>
    public static async Task<Page<T>> CappedAsync<T>(IOrderedQueryable<T> ordered, int? page, int? size, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var (p, s) = Normalize(page, size);
        var counted = await ordered.Take(CountCap + 1).CountAsync(ct);
        var capped = counted > CountCap;
        var total = capped ? CountCap : counted;
        var lastPage = Math.Max(1, (total + s - 1) / s);
        p = Math.Min(p, lastPage);
        var items = await ordered.Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<T>(items, total, p, s, capped);
    }

    /// <summary>Counts a list's rows up to <see cref="CountCap"/>: the total to show and whether there are more.</summary>
    public static async Task<(int Total, bool Capped)> CountCappedAsync<T>(IQueryable<T> query, CancellationToken ct = default)
    {
        var counted = await query.Take(CountCap + 1).CountAsync(ct);
        return counted > CountCap ? (CountCap, true) : (counted, false);
    }

    /// <summary>A page of a list that is ordered in memory (computed rows: certificate status, training shortfall).</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> rows, int? page, int? size)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (p, s) = Normalize(page, size);
        return new Page<T>(rows.Skip((p - 1) * s).Take(s).ToList(), rows.Count, p, s);
    }
}
