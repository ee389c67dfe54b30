using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>
/// Minimal Excel (.xlsx) export, one sheet with a header row and text cells; imports read with <see cref="WorkbookReader"/>.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The cell style that marks text as text even when it starts like a formula (Excel's quote prefix).</summary>
    private const uint TextStyle = 1;

    /// <summary>
    /// A workbook with one sheet: the header row, then the rows. Every cell is an inline string, so ID numbers and codes
    /// keep their digits and nothing is ever a formula; a cell whose text starts like one (<see cref="Csv.StartsLikeFormula"/>)
    /// also carries the quote-prefix style, so that editing it in a spreadsheet keeps it text. The text itself is written
    /// as it is, so an export imports again unchanged.
    /// </summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            // The minimal stylesheet Excel writes itself, plus one cell format: text with the quote prefix.
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" })) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                    new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true }) { Count = 2 },
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
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
        {
            var text = values[i] ?? "";
            row.Append(new Cell
            {
                CellReference = WorkbookReader.ColumnName(i) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = Csv.StartsLikeFormula(text) ? UInt32Value.FromUInt32(TextStyle) : null,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    /// <summary>
    /// The first sheet of a workbook as rows keyed by the header's titles, read by <see cref="WorkbookReader"/> with the
    /// default limits; null when it is refused. Imports use the configured reader, which also says why.
    /// </summary>
    public static IReadOnlyList<ImportRow>? Read(Stream stream) =>
        new WorkbookReader(new ImportLimits()).Read(stream) is { IsSuccess: true } rows ? rows.Value : null;
}
