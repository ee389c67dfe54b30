using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Zhifa.Core.Common;

/// <summary>
/// Text that a spreadsheet program reads as the start of a formula (or of a DDE command): <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab, carriage return, or their full-width forms. CSV exports put a single quote before such a cell, as OWASP
/// advises against CSV injection; the CSV reader takes it off again.
/// </summary>
public static class CsvFormula
{
    public static bool StartsLikeFormula(string? value) => value is not null && StartsLikeFormula(value.AsSpan());

    public static bool StartsLikeFormula(ReadOnlySpan<char> value) =>
        !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠';
}

/// <summary>
/// The streaming reader of uploaded CSV files (RFC 4180) for imports: cells separated by commas, a cell in double quotes
/// may hold commas, line breaks and doubled quotes; lines end in CRLF or LF (or CR); the text is UTF-8, with or without a
/// byte-order mark. The first non-blank record is the header: its titles name the columns (the first of a repeated title
/// wins, an untitled column is ignored). Every later non-blank record is one <see cref="ImportRow"/>, numbered as a
/// spreadsheet program shows it (the header is row 1, a blank line counts as a row), its cells trimmed; a cell that an
/// export neutralised (<see cref="CsvFormula"/>: a single quote before text that starts like a formula) reads back without
/// the quote. Rows are read one at a time and nothing is kept, so a file of any length is read in constant memory.
/// A malformed record is not yielded: it is reported through the fault callback naming its row (and column where there is
/// one) — a row with more cells than the header, a quote followed by other text, a cell past
/// <see cref="ImportLimits.MaxCellLength"/> — and reading goes on with the next record; a quote never closed, or text that
/// is not UTF-8, ends the reading there (nothing after it can be told apart).
/// </summary>
public static class CsvRows
{
    private const int BufferSize = 64 * 1024;

    /// <summary>The data rows of <paramref name="csv"/>, one at a time; malformed records go to <paramref name="fault"/> instead.</summary>
    public static IEnumerable<ImportRow> Read(Stream csv, ImportLimits limits, Action<ImportRowError> fault)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(fault);
        return ReadIterator(csv, limits, fault);
    }

    private static IEnumerable<ImportRow> ReadIterator(Stream csv, ImportLimits limits, Action<ImportRowError> fault)
    {
        using var reader = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true,
            BufferSize, leaveOpen: true);
        var parser = new Parser(reader, limits.MaxCellLength);
        CsvHeader? header = null;
        var cells = new List<string>();
        while (true)
        {
            var cap = header is null ? limits.MaxColumns * 4 : header.Width;
            var state = parser.Next(cells, cap, out var number);
            if (state == Record.End)
                yield break;
            if (state == Record.Blank)
                continue;
            if (state != Record.Complete)
            {
                fault(Fault(state, number, parser, header));
                // Past an open quote or undecodable text nothing can be told apart; without a header no row can be read.
                if (state is Record.UnclosedQuote or Record.NotUtf8 || header is null)
                    yield break;
                continue;
            }
            if (header is null)
            {
                var titled = cells.Count(c => c.Length > 0);
                if (titled > limits.MaxColumns || parser.Overflow > 0)
                {
                    fault(CsvErrors.TooManyColumns(limits.MaxColumns).At(number, ""));
                    yield break;
                }
                header = new CsvHeader(cells);
                continue;
            }
            if (parser.Overflow > 0)
            {
                fault(CsvErrors.TooManyCells(header.Width + parser.Overflow, header.Width).At(number, ""));
                continue;
            }
            yield return new ImportRow(number, header.Row(cells));
        }
    }

    private static ImportRowError Fault(Record state, int number, Parser parser, CsvHeader? header)
    {
        var column = header is not null && parser.FaultCell < header.Width ? header.Columns[parser.FaultCell] : "";
        return state switch
        {
            Record.UnclosedQuote => CsvErrors.UnclosedQuote().At(number, column),
            Record.QuoteMisplaced => CsvErrors.QuoteMisplaced().At(number, column),
            Record.CellTooLong => CsvErrors.CellTooLong(parser.MaxCellLength).At(number, column),
            _ => CsvErrors.NotUtf8().At(number, column),
        };
    }

    private enum Record
    {
        Complete,
        Blank,
        End,
        UnclosedQuote,
        QuoteMisplaced,
        CellTooLong,
        NotUtf8,
    }

    /// <summary>The header's titles by position ("" for an untitled or repeated column) and the slot of each title.</summary>
    private sealed class CsvHeader
    {
        public CsvHeader(List<string> cells)
        {
            Width = cells.Count;
            Columns = new string[Width];
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Count; i++)
            {
                var title = cells[i];
                Columns[i] = title;
                if (title.Length > 0 && !slots.ContainsKey(title))
                    slots[title] = i;
            }
            Slots = slots;
        }

        public int Width { get; }
        public string[] Columns { get; }
        public IReadOnlyDictionary<string, int> Slots { get; }

        public CsvRowValues Row(List<string> cells)
        {
            var values = new string[Width];
            var n = Math.Min(Width, cells.Count);
            for (var i = 0; i < n; i++)
                values[i] = cells[i];
            for (var i = n; i < Width; i++)
                values[i] = "";
            return new CsvRowValues(this, values);
        }
    }

    /// <summary>A row's cells by title: one array per row over the shared header.</summary>
    private sealed class CsvRowValues(CsvHeader header, string[] values) : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => header.Slots.Keys;
        public IEnumerable<string> Values => header.Slots.Values.Select(i => values[i]);
        public int Count => header.Slots.Count;
        public bool ContainsKey(string key) => header.Slots.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            if (header.Slots.TryGetValue(key, out var slot))
            {
                value = values[slot];
                return true;
            }
            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            header.Slots.Select(s => new KeyValuePair<string, string>(s.Key, values[s.Value])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The record splitter: a state machine over a buffer of decoded text, copying runs of plain text at once.</summary>
    private sealed class Parser(TextReader reader, int maxCellLength)
    {
        private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\r\n\"");
        private readonly char[] _buffer = new char[BufferSize];
        private char[] _cell = new char[256];
        private int _cellLength;
        private int _position;
        private int _length;
        private bool _eof;
        private int _record;

        public int MaxCellLength => maxCellLength;

        /// <summary>Cells of the last record past the cap it was read with.</summary>
        public int Overflow { get; private set; }

        /// <summary>The position of the cell where the last fault was found.</summary>
        public int FaultCell { get; private set; }

        /// <summary>
        /// Reads the next record into <paramref name="cells"/>: at most <paramref name="cap"/> of them are kept, and
        /// <see cref="Overflow"/> says how many cells past the cap there are when one of them holds text.
        /// </summary>
        public Record Next(List<string> cells, int cap, out int number)
        {
            cells.Clear();
            _cellsInRecord = 0;
            _textPastCap = false;
            number = ++_record;
            Record state;
            try
            {
                state = ReadRecord(cells, cap);
            }
            catch (DecoderFallbackException)
            {
                FaultCell = cells.Count;
                return Record.NotUtf8;
            }
            Overflow = _textPastCap ? _cellsInRecord - cap : 0;
            if (state == Record.Complete && Overflow == 0 && cells.TrueForAll(c => c.Length == 0))
                return Record.Blank;
            return state;
        }

        private Record ReadRecord(List<string> cells, int cap)
        {
            var fault = Record.Complete;
            while (true)
            {
                if (!Fill())
                {
                    // The end of the text: before any record, or after a record's last cell that has no line break.
                    if (_cellsInRecord == 0)
                        return Record.End;
                    EndCell(cells, cap);
                    return fault;
                }
                var quoted = _buffer[_position] == '"';
                if (quoted)
                {
                    _position++;
                    if (!ReadQuoted(ref fault, _cellsInRecord))
                    {
                        FaultCell = _cellsInRecord;
                        return Record.UnclosedQuote;
                    }
                }
                // Unquoted text, or what follows a closing quote (which must be a separator or a line break).
                var terminator = ReadPlain(ref fault, quoted, _cellsInRecord);
                EndCell(cells, cap);
                switch (terminator)
                {
                    case ',':
                        if (Fill())
                            continue;
                        // "a,b," at the end of the text: one more, empty, cell.
                        EndCell(cells, cap);
                        return fault;
                    case '\r':
                        if (Fill() && _buffer[_position] == '\n')
                            _position++;
                        return fault;
                    default:
                        return fault;
                }
            }
        }

        /// <summary>Reads a quoted cell's text after its opening quote up to its closing quote; false when the text ends first.</summary>
        private bool ReadQuoted(ref Record fault, int cell)
        {
            while (true)
            {
                if (!Fill())
                    return false;
                var span = _buffer.AsSpan(_position, _length - _position);
                var quote = span.IndexOf('"');
                if (quote < 0)
                {
                    Append(span, ref fault, cell);
                    _position = _length;
                    continue;
                }
                Append(span[..quote], ref fault, cell);
                _position += quote + 1;
                if (Fill() && _buffer[_position] == '"')
                {
                    // A doubled quote is one quote of the text.
                    Append("\"", ref fault, cell);
                    _position++;
                    continue;
                }
                return true;
            }
        }

        /// <summary>Reads plain text up to a separator or a line break (returned; '\0' at the end of the text).</summary>
        private char ReadPlain(ref Record fault, bool afterQuote, int cell)
        {
            var misplaced = false;
            while (Fill())
            {
                var span = _buffer.AsSpan(_position, _length - _position);
                var stop = span.IndexOfAny(Special);
                var run = stop < 0 ? span : span[..stop];
                if (afterQuote && !run.IsEmpty)
                    misplaced = true;
                Append(run, ref fault, cell);
                if (stop < 0)
                {
                    _position = _length;
                    continue;
                }
                var c = span[stop];
                _position += stop + 1;
                if (c == '"')
                {
                    // A quote inside an unquoted cell is kept as text; after a closing quote it is out of place.
                    if (afterQuote)
                        misplaced = true;
                    Append("\"", ref fault, cell);
                    continue;
                }
                if (misplaced && fault == Record.Complete)
                {
                    fault = Record.QuoteMisplaced;
                    FaultCell = cell;
                }
                return c;
            }
            if (misplaced && fault == Record.Complete)
            {
                fault = Record.QuoteMisplaced;
                FaultCell = cell;
            }
            return '\0';
        }

        private void Append(ReadOnlySpan<char> text, ref Record fault, int cell)
        {
            if (text.IsEmpty)
                return;
            if (_cellLength + text.Length > maxCellLength)
            {
                if (fault == Record.Complete)
                {
                    fault = Record.CellTooLong;
                    FaultCell = cell;
                }
                return;
            }
            if (_cellLength + text.Length > _cell.Length)
                Array.Resize(ref _cell, Math.Max(_cell.Length * 2, _cellLength + text.Length));
            text.CopyTo(_cell.AsSpan(_cellLength));
            _cellLength += text.Length;
        }

        /// <summary>The cell read so far, trimmed and without an export's neutralising quote, added to the record (up to the cap).</summary>
        private void EndCell(List<string> cells, int cap)
        {
            var text = _cell.AsSpan(0, _cellLength);
            _cellLength = 0;
            _cellsInRecord++;
            if (text.Length > 1 && text[0] == '\'' && CsvFormula.StartsLikeFormula(text[1..]))
                text = text[1..];
            text = text.Trim();
            if (cells.Count >= cap)
            {
                _textPastCap |= !text.IsEmpty;
                return;
            }
            cells.Add(text.IsEmpty ? "" : text.Length == 1 ? Single(text[0]) : new string(text));
        }

        private int _cellsInRecord;
        private bool _textPastCap;

        private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

        private static string Single(char c) => c < 128 ? Ascii[c] : c.ToString();

        /// <summary>At least one character is buffered; false at the end of the text.</summary>
        private bool Fill()
        {
            if (_position < _length)
                return true;
            if (_eof)
                return false;
            _length = reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length > 0)
                return true;
            _eof = true;
            return false;
        }
    }
}
