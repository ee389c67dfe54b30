using System.Linq.Expressions;

namespace Zhifa.Core.Common;

/// <summary>
/// A list's sort as it travels in a URL: a column key, with a leading minus for descending ("name", "-validUntil").
/// </summary>
public readonly record struct SortOrder(string Key, bool Descending)
{
    public static SortOrder? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        var descending = t.StartsWith('-');
        var key = descending ? t[1..] : t;
        return key.Length == 0 ? null : new SortOrder(key, descending);
    }

    public override string ToString() => (Descending ? "-" : "") + Key;
}

/// <summary>
/// The columns a list may be sorted by, each mapped to what the database (or, for computed lists, memory) orders by.
/// Every sort ends with the list's tie-breaker, so a row never appears on two pages. An unknown key falls back to the
/// list's default: a hand-edited URL shows the list, not an error.
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, Column> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortOrder _default;
    private readonly Column _tieBreaker;

    private sealed record Column(Func<IQueryable<T>, bool, IOrderedQueryable<T>> First, Func<IOrderedQueryable<T>, bool, IOrderedQueryable<T>> Then,
        Func<IEnumerable<T>, bool, IOrderedEnumerable<T>> FirstInMemory, Func<IOrderedEnumerable<T>, bool, IOrderedEnumerable<T>> ThenInMemory);

    /// <param name="defaultOrder">The sort when the URL names none (or one this list does not know).</param>
    /// <param name="tieBreaker">A unique column, so that equal keys keep a stable order across pages.</param>
    public static SortMap<T> Create<TKey>(SortOrder defaultOrder, Expression<Func<T, TKey>> tieBreaker) => new(defaultOrder, ColumnOf(tieBreaker));

    private SortMap(SortOrder defaultOrder, Column tieBreaker)
    {
        _default = defaultOrder;
        _tieBreaker = tieBreaker;
    }

    public SortMap<T> Add<TKey>(string key, Expression<Func<T, TKey>> column)
    {
        _columns[key] = ColumnOf(column);
        return this;
    }

    public IReadOnlyCollection<string> Keys => _columns.Keys;

    /// <summary>The sort that will be applied for the given URL text: the default when the text names no known column.</summary>
    public SortOrder Resolve(string? text) => SortOrder.Parse(text) is { } s && _columns.ContainsKey(s.Key) ? s : _default;

    public IOrderedQueryable<T> Apply(IQueryable<T> query, string? sort)
    {
        ArgumentNullException.ThrowIfNull(query);
        var s = Resolve(sort);
        var column = _columns.TryGetValue(s.Key, out var c) ? c : _tieBreaker;
        return _tieBreaker.Then(column.First(query, s.Descending), s.Descending);
    }

    public IOrderedEnumerable<T> Apply(IEnumerable<T> rows, string? sort)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var s = Resolve(sort);
        var column = _columns.TryGetValue(s.Key, out var c) ? c : _tieBreaker;
        return _tieBreaker.ThenInMemory(column.FirstInMemory(rows, s.Descending), s.Descending);
    }

    private static Column ColumnOf<TKey>(Expression<Func<T, TKey>> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var compiled = new Lazy<Func<T, TKey>>(column.Compile);
        var comparer = typeof(TKey) == typeof(string) ? (IComparer<TKey>)(object)StringComparer.Ordinal : Comparer<TKey>.Default;
        return new Column(
            (q, d) => d ? q.OrderByDescending(column) : q.OrderBy(column),
            (q, d) => d ? q.ThenByDescending(column) : q.ThenBy(column),
            (r, d) => d ? r.OrderByDescending(compiled.Value, comparer) : r.OrderBy(compiled.Value, comparer),
            (r, d) => d ? r.ThenByDescending(compiled.Value, comparer) : r.ThenBy(compiled.Value, comparer));
    }
}
