namespace Zhifa.Core.Common;

/// <summary>
/// The wrong cells of an import as its rows are checked in sheet order: it keeps the first <c>max</c> of them and counts
/// them all, so that a sheet with a million wrong cells answers with a short report (<see cref="ImportRejected"/>).
/// </summary>
public sealed class ImportErrorList(int max)
{
    private readonly List<ImportRowError> _first = [];

    /// <summary>How many wrong cells were found, listed or not.</summary>
    public int Total { get; private set; }

    public bool IsEmpty => Total == 0;

    public void Add(ImportRowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Total++;
        if (_first.Count < Math.Max(1, max))
            _first.Add(error);
    }

    public void Add(int row, string column, FieldMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Add(message.At(row, column));
    }

    /// <summary>The refusal: the listed cells by row, with the total.</summary>
    public ImportRejected ToRejected() => new([.. _first.OrderBy(e => e.Row)], Total);
}
