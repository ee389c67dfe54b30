using System.IO.Compression;
using System.Text;
using Zhifa.Core.Common;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// The workbook reader on its own: what it reads from a good workbook, and how it refuses every malformed or oversized
/// one with a stable code instead of throwing. The huge files go through the real endpoints in <see cref="HostileWorkbookTests"/>.
/// </summary>
public class WorkbookReaderTests
{
    private static Result<IReadOnlyList<ImportRow>> Read(byte[] file, ImportLimits? limits = null) =>
        new WorkbookReader(limits ?? new ImportLimits()).Read(new MemoryStream(file));

    private static IReadOnlyList<ImportRow> Rows(byte[] file, ImportLimits? limits = null)
    {
        var result = Read(file, limits);
        Assert.True(result.IsSuccess, result.Error?.Describe());
        return result.Value;
    }

    private static ImportFileRefused Refused(byte[] file, ImportLimits? limits = null)
    {
        var result = Read(file, limits);
        Assert.False(result.IsSuccess, "the file was read");
        return Assert.IsType<ImportFileRefused>(result.Error);
    }

    [Fact]
    public void AGoodWorkbook_IsReadByHeaderTitle_WithSharedStrings_RichText_NumbersAndGaps()
    {
        var shared = Workbooks.Streamed($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Workbooks.Main}">""", i => i switch
        {
            0 => "<si><t>姓名</t></si>",
            1 => "<si><t xml:space=\"preserve\">  王五  </t></si>",
            2 => "<si><r><t>市场</t></r><r><rPr><b/></rPr><t>监管</t></r><rPh sb=\"0\" eb=\"2\"><t>しじょう</t></rPh></si>",
            3 => "<si><t>学时</t></si>",
            _ => null,
        }, long.MaxValue, "</sst>");
        var sheet = Workbooks.Sheet(
            """<row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="inlineStr"><is><t>执法领域</t></is></c></row>"""
            + """<row r="4"/><row r="5"><c r="A5"/></row>"""
            + """<row r="6"><c r="A6" t="s"><v>1</v></c><c r="C6"><v>12.5</v></c><c r="D6" t="s"><v>2</v></c><c r="E6" t="inlineStr"><is><t>无标题</t></is></c></row>"""
            + """<row r="9"><c r="C9" t="str"><f>1+1</f><v>2</v></c><c r="D9" t="b"><v>1</v></c></row>""");
        var rows = Rows(Workbooks.Workbook(sheet, shared));

        Assert.Equal([6, 9], rows.Select(r => r.Number));
        Assert.Equal(["姓名", "学时", "执法领域"], rows[0].Values.Keys);
        Assert.Equal("王五", rows[0]["姓名"]);
        Assert.Equal("12.5", rows[0]["学时"]);
        Assert.Equal("市场监管", rows[0]["执法领域"]);
        Assert.Equal(("", "2", "1"), (rows[1]["姓名"], rows[1]["学时"], rows[1]["执法领域"]));
    }

    [Fact]
    public void AnExport_ReadsBackAsWritten_AndFormulaLikeText_IsMarkedAsText()
    {
        string[] names = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1", "-2", "@SUM(A1)", "\t=1", "张伟", "'引号开头"];
        var file = Xlsx.Write("officers", ["姓名", "身份证号"], names.Select(n => (IReadOnlyList<string?>)[n, "140981199001011234"]));

        var rows = Rows(file);
        Assert.Equal(names.Select(n => n.Trim()), rows.Select(r => r["姓名"]));
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(file), false))
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description));

        // The raw sheet: every cell is an inline string (never a formula), and the formula-like ones carry the
        // quote-prefix style, so that editing them in a spreadsheet keeps them text.
        using var zip = new ZipArchive(new MemoryStream(file));
        var sheet = new StreamReader(zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal)).Open()).ReadToEnd();
        var styles = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("styles.xml", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.DoesNotContain("<x:f", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.Contains("""<x:c r="A2" s="1" t="inlineStr"><x:is><x:t xml:space="preserve">=HYPERLINK("http://evil.example","点我")</x:t>""", sheet, StringComparison.Ordinal);
        Assert.Contains("""<x:c r="A3" s="1" t="inlineStr"><x:is><x:t xml:space="preserve">+1</x:t>""", sheet, StringComparison.Ordinal);
        Assert.Contains("""<x:c r="A4" s="1" t="inlineStr">""", sheet, StringComparison.Ordinal);
        Assert.Contains("""<x:c r="A5" s="1" t="inlineStr">""", sheet, StringComparison.Ordinal);
        Assert.Contains("""<x:c r="A6" s="1" t="inlineStr">""", sheet, StringComparison.Ordinal);
        Assert.Contains("""<x:c r="A7" t="inlineStr"><x:is><x:t xml:space="preserve">张伟</x:t>""", sheet, StringComparison.Ordinal);
        Assert.Contains("""<x:c r="B2" t="inlineStr">""", sheet, StringComparison.Ordinal);
        Assert.Matches("""<x:cellXfs count="2"><x:xf [^>]*/><x:xf [^>]*quotePrefix="1"[^>]*/></x:cellXfs>""", styles);
        Assert.DoesNotMatch("""<x:cellXfs count="2"><x:xf [^>]*quotePrefix""", styles);
    }

    [Fact]
    public void CsvCells_ThatStartLikeAFormula_GetAQuote_AndAreQuotedWhenNeeded()
    {
        var csv = Encoding.UTF8.GetString(Csv.Write(["name", "note"],
            [["=HYPERLINK(\"x\")", "a,b"], ["+1", "-2"], ["@SUM(A1)", "\tx"], ["\rx", "＝1"], ["张伟", "普通文本"]]));
        Assert.Equal("\uFEFFname,note\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a,b\"\r\n'+1,'-2\r\n'@SUM(A1),'\tx\r\n\"'\rx\",'＝1\r\n张伟,普通文本\r\n", csv);
    }

    [Fact]
    public void NotAZip_IsRefused() => Assert.Equal("import.not_a_zip", Refused(Workbooks.NotAZip()).Code);

    [Fact]
    public void AnEmptyFile_IsRefused() => Assert.Equal("import.not_a_zip", Refused([]).Code);

    [Fact]
    public void AZipWithoutAWorkbook_IsRefused() => Assert.Equal("import.no_workbook", Refused(Workbooks.ZipWithoutWorkbook()).Code);

    [Fact]
    public void AWorkbookWithoutSheets_IsRefused() => Assert.Equal("import.no_sheet", Refused(Workbooks.WorkbookWithoutSheets()).Code);

    [Fact]
    public void ASheetPointingNowhere_IsRefused_NamingTheSheet()
    {
        var refused = Refused(Workbooks.SheetPointingNowhere());
        Assert.Equal("import.sheet_missing", refused.Code);
        Assert.Equal(["导入"], refused.Args);
    }

    [Fact]
    public void AZipOfMorePartsThanAWorkbookHas_IsRefusedBeforeItsDirectoryIsRead()
    {
        var file = Workbooks.Zip([.. Enumerable.Range(0, WorkbookReader.MaxParts + 1).Select(i => Workbooks.Part($"junk/{i}.xml", ""))]);
        Assert.Equal("import.too_many_parts", Refused(file).Code);
    }

    [Fact]
    public void APartWithADtd_IsRefused() => Assert.Equal("import.dtd_prohibited", Refused(Workbooks.WithDtd()).Code);

    [Fact]
    public void ADtdTheByteScanCannotSee_IsStillRefusedByTheXmlReader()
    {
        // UTF-16: the bytes of "<!DOCTYPE" are interleaved with zeros, so only the XML reader's own prohibition catches it.
        var xml = $"""<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet xmlns="{Workbooks.Main}"><sheetData/></worksheet>""";
        var file = Workbooks.Workbook(s => s.Write([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]));
        Assert.Equal("import.xml_malformed", Refused(file).Code);
    }

    [Fact]
    public void BrokenXml_IsRefused_WithWhere()
    {
        var refused = Refused(Workbooks.BrokenXml());
        Assert.Equal("import.xml_malformed", refused.Code);
        Assert.Equal("xl/worksheets/sheet1.xml", refused.Args[0]);
        Assert.Equal(1, refused.Args[1]);
    }

    [Fact]
    public void AMissingSharedString_IsRefused_NamingTheCell()
    {
        var refused = Refused(Workbooks.WithRows(Workbooks.OfficerHeader + """<row r="2"><c r="B2" t="s"><v>7</v></c></row>"""));
        Assert.Equal(("import.shared_string_missing", "B2"), (refused.Code, refused.Args[0]));
    }

    [Fact]
    public void CorruptCompressedData_IsRefused()
    {
        var file = Workbooks.WithRows(Workbooks.OfficerHeader + Workbooks.Row(2, ["张伟"]));
        // Garble the middle of the sheet's compressed bytes (the last part written before the central directory).
        using (var zip = new ZipArchive(new MemoryStream(file)))
        {
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            Assert.True(sheet.CompressedLength > 40);
        }
        var at = Find(file, "xl/worksheets/sheet1.xml"u8.ToArray()) + "xl/worksheets/sheet1.xml".Length + 10;
        for (var i = 0; i < 20; i++)
            file[at + i] ^= 0x5A;
        Assert.Contains(Refused(file).Code, new[] { "import.part_corrupt", "import.xml_malformed" });
    }

    [Fact]
    public void SizesTheZipLiesAbout_AreNotTrusted()
    {
        // The sheet's headers claim 1,000 bytes where there are 6 MiB: the entry is cut short, and the file is refused as broken.
        var file = Workbooks.Workbook(Workbooks.Streamed(Workbooks.SheetStart + Workbooks.OfficerHeader, _ => "<row/>", 6 << 20, Workbooks.SheetEnd));
        var name = "xl/worksheets/sheet1.xml"u8.ToArray();
        var local = Find(file, name) - 30;
        BitConverter.GetBytes(1000u).CopyTo(file, local + 22);
        for (var i = file.Length - 22; i > 0; i--)
        {
            if (BitConverter.ToUInt32(file, i) == 0x02014b50 && file.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(1000u).CopyTo(file, i + 24);
                break;
            }
        }
        Assert.Equal("import.xml_malformed", Refused(file).Code);
    }

    [Fact]
    public void EachLimit_StopsTheRead_AndNamesItsSetting()
    {
        var rows = Workbooks.OfficerHeader + string.Concat(Enumerable.Range(2, 5).Select(i => Workbooks.Row(i, [$"人{i}", "x"])));
        var file = Workbooks.WithRows(rows);
        Assert.Equal(5, Rows(file).Count);

        var tooMany = Refused(file, new ImportLimits { MaxRows = 4 });
        Assert.Equal(("import.too_many_rows", "Zhifa:Import:MaxRows", 4), (tooMany.Code, tooMany.Limit, tooMany.Args[0]));
        Assert.Equal("import.too_many_columns", Refused(file, new ImportLimits { MaxColumns = 7 }).Code);
        Assert.Equal("import.cell_too_long", Refused(file, new ImportLimits { MaxCellLength = 2 }).Code);
        var upload = Refused(file, new ImportLimits { MaxUploadBytes = 100 });
        Assert.Equal(("import.upload_too_large", "Zhifa:Import:MaxUploadBytes"), (upload.Code, upload.Limit));
        var part = Refused(file, new ImportLimits { MaxPartBytes = 500 });
        Assert.Equal(("import.part_too_large", "Zhifa:Import:MaxPartBytes"), (part.Code, part.Limit));

        var shared = Workbooks.Workbook(Workbooks.Sheet(Workbooks.OfficerHeader),
            Workbooks.Streamed($"""<sst xmlns="{Workbooks.Main}">""", i => i < 10 ? $"<si><t>串{i}</t></si>" : null, long.MaxValue, "</sst>"));
        Assert.Empty(Rows(shared));
        Assert.Equal("import.shared_strings_too_many", Refused(shared, new ImportLimits { MaxSharedStrings = 9 }).Code);
        Assert.Equal("import.shared_strings_too_long", Refused(shared, new ImportLimits { MaxSharedStringsLength = 19 }).Code);
    }

    [Fact]
    public void ALongRunOfMarkup_IsRefused_BeforeTheXmlReaderBuffersIt()
    {
        var file = Workbooks.Workbook(Workbooks.Streamed(Workbooks.SheetStart + """<row r="1" x=" """, _ => "aaaaaaaaaaaaaaaa", 4 << 20, "\"/>" + Workbooks.SheetEnd));
        var refused = Refused(file, new ImportLimits { MaxCellLength = 1000 });
        Assert.Equal("import.markup_too_long", refused.Code);
    }

    [Fact]
    public void AStreamThatCannotSeek_IsCopiedWithinTheUploadLimit()
    {
        var file = Workbooks.WithRows(Workbooks.OfficerHeader + Workbooks.Row(2, ["张伟"]));
        var rows = new WorkbookReader(new ImportLimits()).Read(new ForwardOnly(file));
        Assert.Equal("张伟", Assert.Single(rows.Value)["姓名"]);
        var refused = new WorkbookReader(new ImportLimits { MaxUploadBytes = 200 }).Read(new ForwardOnly(file));
        Assert.Equal("import.upload_too_large", refused.Error!.Code);
    }

    private static int Find(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
