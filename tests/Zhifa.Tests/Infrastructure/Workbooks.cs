using System.IO.Compression;
using System.Text;

namespace Zhifa.Tests.Infrastructure;

/// <summary>
/// Workbooks built by hand — a zip of hand-written XML parts — good and hostile: zip bombs, huge cells, a million rows,
/// missing parts, DTDs, broken XML. Big parts are written in chunks straight into the compressor, never held whole.
/// </summary>
public static class Workbooks
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The officer import's header row as inline-string cells of row 1.</summary>
    public static readonly string OfficerHeader = Row(1, ["姓名", "身份证号", "执法主体", "内设机构", "岗位", "法律职业资格", "执法领域", "入职日期"]);

    /// <summary>A zip of the given parts, each written by its writer into the entry's stream.</summary>
    public static byte[] Zip(params (string Name, Action<Stream> Write)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(entry);
            }
        }
        return buffer.ToArray();
    }

    public static (string, Action<Stream>) Part(string name, string xml) => (name, s => s.Write(Encoding.UTF8.GetBytes(xml)));

    public static (string, Action<Stream>) Part(string name, Action<Stream> write) => (name, write);

    /// <summary>A workbook whose first sheet is written by <paramref name="sheet"/> (the whole part), with optional shared strings.</summary>
    public static byte[] Workbook(Action<Stream> sheet, Action<Stream>? sharedStrings = null)
    {
        var parts = new List<(string, Action<Stream>)>
        {
            Part("[Content_Types].xml", ContentTypes),
            Part("_rels/.rels", PackageRels),
            Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="导入" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
            Part("xl/_rels/workbook.xml.rels", WorkbookRels(sharedStrings is not null)),
            Part("xl/worksheets/sheet1.xml", sheet),
        };
        if (sharedStrings is not null)
            parts.Add(Part("xl/sharedStrings.xml", sharedStrings));
        return Zip([.. parts]);
    }

    /// <summary>A workbook with the given rows (XML of &lt;row&gt; elements) in its sheet.</summary>
    public static byte[] WithRows(string rows) => Workbook(Sheet(rows));

    /// <summary>A whole sheet part around the given rows.</summary>
    public static Action<Stream> Sheet(string rows) => s => s.Write(Encoding.UTF8.GetBytes(SheetStart + rows + SheetEnd));

    public static readonly string SheetStart = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>""";
    public const string SheetEnd = "</sheetData></worksheet>";

    /// <summary>
    /// A part: <paramref name="start"/>, then <paramref name="repeat"/>(i) for i = 0, 1, … until <paramref name="bytes"/> are
    /// written or it answers null, then <paramref name="end"/>; written in 64 KiB chunks.
    /// </summary>
    public static Action<Stream> Streamed(string start, Func<long, string?> repeat, long bytes, string end) => s =>
    {
        var head = Encoding.UTF8.GetBytes(start);
        s.Write(head);
        var written = (long)head.Length;
        var chunk = new StringBuilder();
        for (long i = 0; written < bytes; i++)
        {
            if (repeat(i) is not { } next)
                break;
            chunk.Append(next);
            if (chunk.Length >= 64 * 1024)
            {
                var b = Encoding.UTF8.GetBytes(chunk.ToString());
                s.Write(b);
                written += b.Length;
                chunk.Clear();
            }
        }
        s.Write(Encoding.UTF8.GetBytes(chunk.ToString() + end));
    };

    /// <summary>One row of inline-string cells, from column A.</summary>
    public static string Row(int number, IReadOnlyList<string> cells)
    {
        var sb = new StringBuilder($"<row r=\"{number}\">");
        for (var i = 0; i < cells.Count; i++)
            sb.Append($"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cells[i])}</t></is></c>");
        return sb.Append("</row>").ToString();
    }

    private static readonly string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";

    private static readonly string PackageRels = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PackageRel}"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private static string WorkbookRels(bool shared) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PackageRel}"><Relationship Id="rId1" Type="{Rel}/worksheet" Target="worksheets/sheet1.xml"/>"""
        + (shared ? $"""<Relationship Id="rId2" Type="{Rel}/sharedStrings" Target="sharedStrings.xml"/>""" : "") + "</Relationships>";

    // ---- Hostile files ----

    /// <summary>A sheet part of about 1 GiB of empty rows that compresses to a few MB: past the part limit long before its end.</summary>
    public static byte[] Bomb() => Workbook(Streamed(SheetStart + OfficerHeader,
        i => $"<row r=\"{i + 2}\" spans=\"1:8\"/>" + EmptyRows, 1L << 30, SheetEnd));

    private static readonly string EmptyRows = string.Concat(Enumerable.Repeat("<row/>", 400));

    /// <summary>A sheet of 64 MiB of the same empty row: it inflates a thousandfold, past the compression-ratio limit.</summary>
    public static byte[] Inflating() => Workbook(Streamed(SheetStart + OfficerHeader, _ => "<row/>", 64L << 20, SheetEnd));

    /// <summary>One inline cell of about 1 GiB.</summary>
    public static byte[] HugeCell() => Workbook(Streamed(SheetStart + OfficerHeader + """<row r="2"><c r="A2" t="inlineStr"><is><t>""",
        _ => Zhang, 1L << 30, "</t></is></c></row>" + SheetEnd));

    private static readonly string Zhang = new('张', 64);

    /// <summary>One shared string of about 1 GiB (the table is read before the sheet).</summary>
    public static byte[] HugeSharedString() => Workbook(Sheet(OfficerHeader + """<row r="2"><c r="A2" t="s"><v>0</v></c></row>"""),
        Streamed($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}" count="1" uniqueCount="1"><si><t>""", _ => "AAAAAAAAAAAAAAAA", 1L << 30, "</t></si></sst>"));

    /// <summary>A million data rows of one cell each.</summary>
    public static byte[] MillionRows() => Workbook(Streamed(SheetStart + OfficerHeader,
        i => i < 1_000_000 ? $"<row r=\"{i + 2}\"><c r=\"A{i + 2}\" t=\"inlineStr\"><is><t>人{i}</t></is></c></row>" : null, long.MaxValue, SheetEnd));

    public static byte[] NotAZip() => "PK not a workbook at all"u8.ToArray();

    public static byte[] ZipWithoutWorkbook() => Zip(Part("readme.txt", "no workbook here"), Part("_rels/.rels", PackageRels));

    public static byte[] WorkbookWithoutSheets() => Zip(
        Part("[Content_Types].xml", ContentTypes),
        Part("_rels/.rels", PackageRels),
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets/></workbook>"""),
        Part("xl/_rels/workbook.xml.rels", WorkbookRels(false)));

    /// <summary>The first sheet's relationship id is not in the workbook's relationships.</summary>
    public static byte[] SheetPointingNowhere() => Zip(
        Part("[Content_Types].xml", ContentTypes),
        Part("_rels/.rels", PackageRels),
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="导入" sheetId="1" r:id="rId9"/></sheets></workbook>"""),
        Part("xl/_rels/workbook.xml.rels", WorkbookRels(false)),
        Part("xl/worksheets/sheet1.xml", Sheet(OfficerHeader)));

    /// <summary>A sheet with a DTD defining an entity (the start of a billion-laughs or external-entity attack).</summary>
    public static byte[] WithDtd() => Workbook(s => s.Write(Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="{Main}"><sheetData>{OfficerHeader}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>""")));

    /// <summary>A sheet whose XML is cut off mid-element.</summary>
    public static byte[] BrokenXml() => Workbook(s => s.Write(Encoding.UTF8.GetBytes(SheetStart + OfficerHeader + """<row r="2"><c r="A2" t="inlineStr"><is><t>半截</is></c></row>""")));
}
