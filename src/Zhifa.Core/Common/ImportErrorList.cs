namespace Zhifa.Core.Common;

/// <summary>
/// The wrong cells of an import: it keeps the first <c>max</c> of them by row (a cell found later for an earlier row, as
/// a look-up of the registry by chunks finds it, still takes its place) and counts them all, so that a sheet with a
/// million wrong cells answers with a short report (<see cref="ImportRejected"/>). Cells of one row keep the order they
/// were found in.
/// </summary>
public sealed class ImportErrorList(int max)
{
    private readonly int _max = Math.Max(1, max);
    private List<(ImportRowError Error, long Order)> _first = [];
    private long _order;

    /// <summary>The last row that can still be listed once the list is full.</summary>
    private int _cutoff = int.MaxValue;

    /// <summary>How many wrong cells were found, listed or not.</summary>
    public int Total { get; private set; }

    public bool IsEmpty => Total == 0;

    public void Add(ImportRowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Total++;
        if (error.Row > _cutoff)
            return;
        _first.Add((error, _order++));
        if (_first.Count >= 2 * _max)
            Trim();
    }

    public void Add(int row, string column, FieldMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Add(message.At(row, column));
    }

    /// <summary>The refusal: the listed cells by row, with the total.</summary>
    public ImportRejected ToRejected()
    {
        Trim();
        return new([.. _first.Select(e => e.Error)], Total);
    }

    private void Trim()
    {
        _first = [.. _first.OrderBy(e => e.Error.Row).ThenBy(e => e.Order).Take(_max)];
        if (_first.Count == _max)
            _cutoff = _first[^1].Error.Row;
    }
}
