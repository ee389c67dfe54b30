using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>Minimal Excel (.xlsx) export and import: one sheet, a header row, text cells.</summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook with one sheet: the header row, then the rows; every cell is text so ID numbers and codes keep their digits.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, header));
            var index = 1u;
            foreach (var row in rows)
                data.Append(Row(++index, row));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<string?> values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[i] ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            });
        return row;
    }

    /// <summary>
    /// The first sheet as rows of text keyed by the header row's column titles; empty rows are skipped.
    /// Each row carries its sheet row number, so import errors can name it. Null when the file is not a workbook.
    /// </summary>
    public static IReadOnlyList<ImportRow>? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var doc = SpreadsheetDocument.Open(stream, false);
            var workbook = doc.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = part.Worksheet.Descendants<Row>().ToList();
            if (rows.Count == 0)
                return [];
            var header = Cells(rows[0], shared).ToDictionary(c => c.Key, c => c.Value.Trim());
            var result = new List<ImportRow>();
            foreach (var row in rows.Skip(1))
            {
                var cells = Cells(row, shared);
                if (cells.All(c => string.IsNullOrWhiteSpace(c.Value)))
                    continue;
                var values = header.ToDictionary(h => h.Value, h => cells.TryGetValue(h.Key, out var v) ? v.Trim() : "", StringComparer.Ordinal);
                result.Add(new ImportRow((int)(row.RowIndex?.Value ?? 0), values));
            }
            return result;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static Dictionary<int, string> Cells(Row row, IReadOnlyList<string> shared)
    {
        var cells = new Dictionary<int, string>();
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
            position = column + 1;
            cells[column] = cell.DataType?.Value switch
            {
                CellValues.SharedString when int.TryParse(cell.CellValue?.Text, out var i) && i < shared.Count => shared[i],
                CellValues.InlineString => cell.InlineString?.InnerText ?? "",
                _ => cell.CellValue?.Text ?? "",
            };
        }
        return cells;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + ((index - 1) % 26)) + name;
        return name;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
