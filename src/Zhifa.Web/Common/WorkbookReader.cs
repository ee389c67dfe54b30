using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>
/// The one reader of uploaded workbooks (.xlsx) for every import. It streams: the zip is opened with
/// System.IO.Compression, and the package relationships, the workbook, its relationships, the shared strings and the
/// first sheet are read with <see cref="XmlReader"/> (no DTD, nothing resolved), each through a stream that counts the
/// uncompressed bytes as they come — whatever the zip's headers claim — and stops at the first limit of
/// <see cref="ImportLimits"/> crossed. Only the shared strings and the rows of the sheet are held, each bounded. Anything
/// that is not a readable workbook within the limits is an <see cref="ImportFileRefused"/> (400) saying why; it never throws.
/// </summary>
public sealed class WorkbookReader(ImportLimits limits)
{
    /// <summary>Entries of the zip: a workbook has a dozen or so.</summary>
    public const int MaxParts = 10_000;

    /// <summary>Excel's last column, XFD.</summary>
    private const int MaxColumnIndex = 16_383;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>The first sheet as rows of text keyed by the header row's column titles (empty rows skipped), or why the file is refused.</summary>
    public Result<IReadOnlyList<ImportRow>> Read(Stream upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            return Parse(upload);
        }
        catch (Refusal refusal)
        {
            return refusal.Error;
        }
    }

    private List<ImportRow> Parse(Stream upload)
    {
        using var source = Seekable(upload);
        CheckDirectory(source);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            _ = zip.Entries.Count;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            // Not a zip; a stream shorter than the zip's end record also fails its seek with an argument exception.
            throw new Refusal(WorkbookErrors.NotAZip());
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxParts)
                throw new Refusal(WorkbookErrors.TooManyParts(MaxParts));
            var parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
                parts.TryAdd(PartName(entry.FullName), entry);

            // The workbook: where the package relationships say, else where Excel puts it.
            var workbookName = parts.TryGetValue("_rels/.rels", out var packageRels)
                ? Relationships(packageRels).FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)) is { } office ? Resolve("", office.Target) : null
                : null;
            workbookName ??= "xl/workbook.xml";
            if (!parts.TryGetValue(workbookName, out var workbook))
                throw new Refusal(WorkbookErrors.NoWorkbook());
            var (sheetName, sheetId) = FirstSheet(workbook);
            var folder = workbookName.Contains('/', StringComparison.Ordinal) ? workbookName[..workbookName.LastIndexOf('/')] : "";
            var relsName = (folder.Length == 0 ? "" : folder + "/") + "_rels/" + workbookName[(workbookName.LastIndexOf('/') + 1)..] + ".rels";
            var rels = parts.TryGetValue(relsName, out var workbookRels) ? Relationships(workbookRels) : [];
            var sheetRel = sheetId is null ? null : rels.FirstOrDefault(r => r.Id == sheetId);
            if (sheetRel is null || !parts.TryGetValue(Resolve(folder, sheetRel.Target), out var sheet))
                throw new Refusal(WorkbookErrors.SheetMissing(sheetName));
            var sharedRel = rels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal));
            var shared = sharedRel is not null && parts.TryGetValue(Resolve(folder, sharedRel.Target), out var sharedPart) ? SharedStrings(sharedPart) : [];
            return Rows(sheet, shared);
        }
    }

    /// <summary>The upload as a seekable stream (the zip's directory is at its end), refused past <see cref="ImportLimits.MaxUploadBytes"/>.</summary>
    private Stream Seekable(Stream upload)
    {
        if (upload.CanSeek)
        {
            if (upload.Length - upload.Position > limits.MaxUploadBytes)
                throw new Refusal(WorkbookErrors.UploadTooLarge(limits.MaxUploadBytes));
            return new NonClosingStream(upload);
        }
        var copy = new MemoryStream();
        var buffer = new byte[81_920];
        int n;
        while ((n = upload.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + n > limits.MaxUploadBytes)
                throw new Refusal(WorkbookErrors.UploadTooLarge(limits.MaxUploadBytes));
            copy.Write(buffer, 0, n);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// The zip's end record, read before the archive is opened (which reads every entry of its directory): more entries
    /// than a workbook has, or a directory too big for them, is refused at once. A zip64 end record is left to the archive.
    /// </summary>
    private static void CheckDirectory(Stream source)
    {
        const int EndRecord = 22;
        const uint Signature = 0x06054b50;
        var length = source.Length;
        if (length < EndRecord)
            return;
        var tail = new byte[(int)Math.Min(length, EndRecord + ushort.MaxValue)];
        source.Seek(-tail.Length, SeekOrigin.End);
        source.ReadExactly(tail);
        source.Position = 0;
        for (var i = tail.Length - EndRecord; i >= 0; i--)
        {
            if (BitConverter.ToUInt32(tail, i) != Signature)
                continue;
            var entries = BitConverter.ToUInt16(tail, i + 10);
            var size = BitConverter.ToUInt32(tail, i + 12);
            if ((entries != ushort.MaxValue && entries > MaxParts) || (size != uint.MaxValue && size > MaxParts * 1024L))
                throw new Refusal(WorkbookErrors.TooManyParts(MaxParts));
            return;
        }
    }

    // ---- Parts ----

    private sealed record Relationship(string Id, string Type, string Target);

    private List<Relationship> Relationships(ZipArchiveEntry part) => ReadPart(part, xml =>
    {
        var list = new List<Relationship>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.GetAttribute("TargetMode") == "External")
                continue;
            if (list.Count >= MaxParts)
                throw new Refusal(WorkbookErrors.TooManyParts(MaxParts));
            list.Add(new Relationship(xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", xml.GetAttribute("Target") ?? ""));
        }
        return list;
    });

    /// <summary>The name and relationship id of the workbook's first sheet.</summary>
    private (string Name, string? Id) FirstSheet(ZipArchiveEntry workbook) => ReadPart(workbook, xml =>
    {
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet")
                continue;
            var name = xml.GetAttribute("name") ?? "";
            string? id = null;
            while (xml.MoveToNextAttribute())
            {
                if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
                    id = xml.Value;
            }
            return (name, id);
        }
        throw new Refusal(WorkbookErrors.NoSheet());
    });

    /// <summary>The shared-string table, each entry trimmed once (cells refer to it many times), bounded in count and length.</summary>
    private List<string> SharedStrings(ZipArchiveEntry part) => ReadPart(part, xml =>
    {
        var list = new List<string>();
        var total = 0L;
        var text = new StringBuilder();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
                continue;
            if (list.Count >= limits.MaxSharedStrings)
                throw new Refusal(WorkbookErrors.TooManySharedStrings(limits.MaxSharedStrings));
            RichText(xml, text, part.FullName);
            total += text.Length;
            if (total > limits.MaxSharedStringsLength)
                throw new Refusal(WorkbookErrors.SharedStringsTooLong(limits.MaxSharedStringsLength));
            list.Add(text.ToString().Trim());
        }
        return list;
    });

    /// <summary>The rows of the sheet: the first row with any text is the header; each later non-empty row one <see cref="ImportRow"/>.</summary>
    private List<ImportRow> Rows(ZipArchiveEntry part, List<string> shared) => ReadPart(part, xml =>
    {
        var rows = new List<ImportRow>();
        SheetHeader? header = null;
        var cells = new Dictionary<int, string>();
        var text = new StringBuilder();
        var lastRow = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
                continue;
            var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : lastRow + 1;
            lastRow = number;
            if (xml.IsEmptyElement)
                continue;
            cells.Clear();
            RowCells(xml, number, shared, cells, text);
            if (cells.Count == 0)
                continue;
            if (header is null)
            {
                header = new SheetHeader(cells, limits.MaxColumns);
                continue;
            }
            if (rows.Count >= limits.MaxRows)
                throw new Refusal(WorkbookErrors.TooManyRows(limits.MaxRows));
            rows.Add(new ImportRow(number, header.Row(cells)));
        }
        return rows;
    });

    /// <summary>
    /// The non-empty cells of the row the reader is on (column index → trimmed text, the first of a repeated column
    /// winning, so a row holds at most one entry per column), read up to the row's end.
    /// </summary>
    private void RowCells(XmlReader xml, int row, List<string> shared, Dictionary<int, string> cells, StringBuilder text)
    {
        var depth = xml.Depth;
        var position = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                return;
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                continue;
            var reference = xml.GetAttribute("r");
            var type = xml.GetAttribute("t");
            var column = reference is null ? position : ColumnIndex(reference);
            position = column + 1;
            var where = reference ?? ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
            string? value = null, inline = null;
            if (!xml.IsEmptyElement)
            {
                var cellDepth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth))
                {
                    if (xml.NodeType != XmlNodeType.Element)
                        continue;
                    switch (xml.LocalName)
                    {
                        case "v":
                            text.Clear();
                            Text(xml, text, where);
                            value = text.ToString();
                            break;
                        case "is":
                            RichText(xml, text, where);
                            inline = text.ToString();
                            break;
                        default:
                            // A formula (<f>) or an extension: read past it, bounded like any text.
                            text.Clear();
                            Text(xml, text, where);
                            break;
                    }
                }
            }
            if (column < 0 || column > MaxColumnIndex)
                continue;
            var cell = type switch
            {
                "s" when value is null => "",
                "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
                    ? shared[i]
                    : throw new Refusal(WorkbookErrors.SharedStringMissing(where)),
                "inlineStr" => (inline ?? value ?? "").Trim(),
                _ => (value ?? inline ?? "").Trim(),
            };
            if (cell.Length > 0)
                cells.TryAdd(column, cell);
        }
    }

    /// <summary>The text of a rich-text element (<c>si</c> or <c>is</c>): its <c>t</c> and run <c>r/t</c> texts, without phonetic runs.</summary>
    private void RichText(XmlReader xml, StringBuilder text, string where)
    {
        text.Clear();
        if (xml.IsEmptyElement)
            return;
        var depth = xml.Depth;
        var phonetic = -1;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement)
            {
                if (xml.Depth == depth)
                    return;
                if (xml.Depth == phonetic)
                    phonetic = -1;
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (xml.LocalName == "rPh" && !xml.IsEmptyElement && phonetic < 0)
                phonetic = xml.Depth;
            else if (xml.LocalName == "t" && phonetic < 0)
                Text(xml, text, where);
        }
    }

    /// <summary>Appends the text of the element the reader is on, in chunks, refusing it past <see cref="ImportLimits.MaxCellLength"/>.</summary>
    private void Text(XmlReader xml, StringBuilder text, string where)
    {
        if (xml.IsEmptyElement)
            return;
        var depth = xml.Depth;
        var chunk = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.EndElement when xml.Depth == depth:
                        return;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        int n;
                        while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        {
                            if (text.Length + n > limits.MaxCellLength)
                                throw new Refusal(WorkbookErrors.CellTooLong(where, limits.MaxCellLength));
                            text.Append(chunk, 0, n);
                        }
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }

    /// <summary>Reads one part through the limiting stream; XML and compression faults become refusals that name the part.</summary>
    private T ReadPart<T>(ZipArchiveEntry entry, Func<XmlReader, T> read)
    {
        var name = entry.FullName;
        Stream raw;
        try
        {
            raw = entry.Open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new Refusal(WorkbookErrors.PartCorrupt(name));
        }
        using var guard = new PartStream(raw, name, entry.CompressedLength, limits);
        try
        {
            using var xml = XmlReader.Create(guard, Settings);
            return read(xml);
        }
        catch (XmlException e)
        {
            throw new Refusal(guard.SawDoctype ? WorkbookErrors.DtdProhibited(name) : WorkbookErrors.XmlMalformed(name, e.LineNumber, e.LinePosition));
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new Refusal(WorkbookErrors.PartCorrupt(name));
        }
    }

    // ---- Names ----

    private static string PartName(string name) => name.Replace('\\', '/').TrimStart('/');

    /// <summary>A relationship's target as a part name: absolute (<c>/xl/…</c>) or relative to <paramref name="folder"/>, with <c>..</c> resolved.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target : (folder.Length == 0 ? "" : folder + "/") + target;
        var segments = new List<string>();
        foreach (var s in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (s == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
            }
            else if (s != ".")
            {
                segments.Add(s);
            }
        }
        return string.Join('/', segments);
    }

    /// <summary>The zero-based column of a cell reference (B7 → 1); -1 when it names none.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            if (++letters > 3)
                return -1;
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + ((index - 1) % 26)) + name;
        return name;
    }

    // ---- Helpers ----

    /// <summary>A refusal on its way out of the parse; <see cref="Read"/> turns it into the result.</summary>
    [SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "internal control flow, always with its error")]
    private sealed class Refusal(ImportFileRefused error) : Exception(error.Describe())
    {
        public ImportFileRefused Error { get; } = error;
    }

    /// <summary>The header row: its titled columns, at most <c>max</c>, the first of a repeated title winning.</summary>
    private sealed class SheetHeader
    {
        private readonly Dictionary<int, int> _slotOfColumn = [];

        public SheetHeader(Dictionary<int, string> cells, int max)
        {
            var titles = new List<string>();
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (column, title) in cells.OrderBy(c => c.Key))
            {
                if (slots.ContainsKey(title))
                    continue;
                if (titles.Count >= max)
                    throw new Refusal(WorkbookErrors.TooManyColumns(max));
                slots[title] = titles.Count;
                _slotOfColumn[column] = titles.Count;
                titles.Add(title);
            }
            Titles = titles;
            Slots = slots;
        }

        public IReadOnlyList<string> Titles { get; }
        public IReadOnlyDictionary<string, int> Slots { get; }

        public RowValues Row(Dictionary<int, string> cells)
        {
            var values = new string[Titles.Count];
            Array.Fill(values, "");
            foreach (var (column, value) in cells)
            {
                if (_slotOfColumn.TryGetValue(column, out var slot))
                    values[slot] = value;
            }
            return new RowValues(this, values);
        }
    }

    /// <summary>A row's cells by title: one array per row over the shared header, not a dictionary per row.</summary>
    private sealed class RowValues(SheetHeader header, string[] values) : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => header.Titles;
        public IEnumerable<string> Values => values;
        public int Count => values.Length;
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

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            for (var i = 0; i < values.Length; i++)
                yield return new(header.Titles[i], values[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The uncompressed bytes of one part as they are read: counted against <see cref="ImportLimits.MaxPartBytes"/> and
    /// the compression ratio, whatever the zip's headers say; no run of markup or text longer than a cell can be
    /// (so the XML reader never buffers more); and a DOCTYPE stops it before the XML reader sees it.
    /// </summary>
    private sealed class PartStream(Stream inner, string part, long compressedLength, ImportLimits limits) : Stream
    {
        private const long RatioGrace = 1024 * 1024;
        private static readonly byte[] Doctype = "!DOCTYPE"u8.ToArray();

        private readonly long _maxRun = Math.Clamp((limits.MaxCellLength * 10L) + (64 * 1024), 64 * 1024, int.MaxValue);
        private long _read;
        private long _run;
        private bool _inTag;
        private int _doctype = -1;

        public bool SawDoctype { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > limits.MaxPartBytes)
                throw new Refusal(WorkbookErrors.PartTooLarge(part, limits.MaxPartBytes));
            if (_read > RatioGrace && _read > limits.MaxCompressionRatio * Math.Max(compressedLength, 1))
                throw new Refusal(WorkbookErrors.CompressionRatio(part, limits.MaxCompressionRatio));
            Scan(buffer[..n]);
            return n;
        }

        private void Scan(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (_doctype >= 0)
                {
                    if (b == Doctype[_doctype])
                    {
                        if (++_doctype == Doctype.Length)
                        {
                            SawDoctype = true;
                            throw new Refusal(WorkbookErrors.DtdProhibited(part));
                        }
                    }
                    else
                    {
                        _doctype = -1;
                    }
                }
                if (b == (byte)'<')
                {
                    _run = 0;
                    _inTag = true;
                    _doctype = 0;
                }
                else if (b == (byte)'>')
                {
                    _run = 0;
                    _inTag = false;
                }
                else if (++_run > _maxRun)
                {
                    throw new Refusal(_inTag ? WorkbookErrors.MarkupTooLong(part, (int)_maxRun) : WorkbookErrors.CellTooLong(part, limits.MaxCellLength));
                }
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>The caller's upload, which the caller disposes.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
