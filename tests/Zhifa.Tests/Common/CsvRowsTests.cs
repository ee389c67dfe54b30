using System.Text;
using Zhifa.Core.Common;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Common;

/// <summary>
/// The streaming CSV reader of imports (RFC 4180): quotes, doubled quotes, line breaks inside quotes, CRLF, LF and CR, a UTF-8
/// byte-order mark, titles in either language, an export's neutralising quote read off; malformed records reported with
/// their row (and column) while the good rows still come through, and the reading stopped where nothing more can be told apart.
/// </summary>
public class CsvRowsTests
{
    private static (List<ImportRow> Rows, List<ImportRowError> Faults) Read(string text, bool bom = false, ImportLimits? limits = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Read(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes, limits);
    }

    private static (List<ImportRow> Rows, List<ImportRowError> Faults) Read(byte[] bytes, ImportLimits? limits = null)
    {
        var faults = new List<ImportRowError>();
        using var stream = new MemoryStream(bytes);
        var rows = CsvRows.Read(stream, limits ?? new ImportLimits(), faults.Add).ToList();
        return (rows, faults);
    }

    [Fact]
    public void QuotedCells_HoldCommasQuotesAndLineBreaks_AndRowsAreNumberedAsASpreadsheetShowsThem()
    {
        var (rows, faults) = Read("名称,地址\r\n\"甲, 乙\",\"他说 \"\"好\"\"\"\r\n\r\n\"两行\n地址\",  空格  \n丙,\"\"\r\n", bom: true);
        Assert.Empty(faults);
        Assert.Equal([2, 4, 5], rows.Select(r => r.Number));
        Assert.Equal(("甲, 乙", "他说 \"好\""), (rows[0]["名称"], rows[0]["地址"]));
        Assert.Equal(("两行\n地址", "空格"), (rows[1]["名称"], rows[1]["地址"]));
        Assert.Equal(("丙", ""), (rows[2]["名称"], rows[2]["地址"]));
    }

    [Fact]
    public void LineEnds_CrLfLfAndCr_AndNoBreakAtTheEnd_AllSplitRows()
    {
        var (rows, faults) = Read("Name,Region\r\na,1\nb,2\rc,3");
        Assert.Empty(faults);
        Assert.Equal(["a", "b", "c"], rows.Select(r => r.Get("名称", "Name")));
        Assert.Equal(["1", "2", "3"], rows.Select(r => r["Region"]));
        Assert.Equal([2, 3, 4], rows.Select(r => r.Number));
    }

    [Fact]
    public void ACellOurExportNeutralised_ReadsBackWithoutItsQuote()
    {
        var exported = Csv.Write(["名称", "联系电话", "备注"], [["=SUM(A1)", "-5", "'普通引号"], ["＋86", "@me", "it's"]]);
        var (rows, faults) = Read(exported);
        Assert.Empty(faults);
        Assert.Equal(("=SUM(A1)", "-5", "'普通引号"), (rows[0]["名称"], rows[0]["联系电话"], rows[0]["备注"]));
        Assert.Equal(("＋86", "@me", "it's"), (rows[1]["名称"], rows[1]["联系电话"], rows[1]["备注"]));
    }

    [Fact]
    public void ARowWithMoreCellsThanTheHeader_IsReportedWithItsRow_AndTheOthersAreRead()
    {
        var (rows, faults) = Read("名称,地址\na,b\nc,d,e,f\ng,h,,\n");
        Assert.Equal(["a", "g"], rows.Select(r => r["名称"]));
        var fault = Assert.Single(faults);
        Assert.Equal((3, "import.csv_too_many_cells"), (fault.Row, fault.Code));
        Assert.Equal(new object[] { 4, 2 }, fault.Args);
    }

    [Fact]
    public void AnUnclosedQuote_IsReportedAtTheRowAndColumnWhereItOpened_AndEndsTheReading()
    {
        var (rows, faults) = Read("名称,地址\na,b\nc,\"open\nd,e\nf,g\n");
        Assert.Equal(["a"], rows.Select(r => r["名称"]));
        var fault = Assert.Single(faults);
        Assert.Equal((3, "地址", "import.csv_unclosed_quote"), (fault.Row, fault.Column, fault.Code));
    }

    [Fact]
    public void TextAfterAClosingQuote_IsReported_AndTheReadingGoesOn()
    {
        var (rows, faults) = Read("名称,地址\n\"a\"b,c\nd,e\n");
        Assert.Equal(["d"], rows.Select(r => r["名称"]));
        Assert.Equal((2, "名称", "import.csv_quote_misplaced"), (faults[0].Row, faults[0].Column, faults[0].Code));
    }

    [Fact]
    public void TextThatIsNotUtf8_IsReported_NotReadAsGarbage()
    {
        // "名称,地址" and a row in GB18030, as a Chinese spreadsheet program saves plain "CSV".
        byte[] gbk = [0xC3, 0xFB, 0xB3, 0xC6, (byte)',', 0xB5, 0xD8, 0xD6, 0xB7, (byte)'\n', (byte)'a', (byte)',', (byte)'b', (byte)'\n'];
        var (rows, faults) = Read(gbk);
        Assert.Empty(rows);
        Assert.Equal((1, "import.csv_not_utf8"), (Assert.Single(faults).Row, faults[0].Code));
    }

    [Fact]
    public void ACellPastTheLimit_IsReported_AndTheRowIsNotRead()
    {
        var (rows, faults) = Read("名称,地址\n" + new string('长', 50) + ",b\nc,d\n", limits: new ImportLimits { MaxCellLength = 40 });
        Assert.Equal(["c"], rows.Select(r => r["名称"]));
        Assert.Equal((2, "名称", "import.csv_cell_too_long"), (Assert.Single(faults).Row, faults[0].Column, faults[0].Code));
    }

    [Fact]
    public void TwoHundredThousandRows_ComeThroughInOrder()
    {
        var text = new StringBuilder("名称,地址\n");
        for (var i = 0; i < 200_000; i++)
            text.Append('r').Append(i).Append(",\"x,").Append(i).Append("\"\n");
        var count = 0;
        var last = "";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        foreach (var row in CsvRows.Read(stream, new ImportLimits(), e => Assert.Fail(e.Code)))
        {
            count++;
            last = row["地址"];
        }
        Assert.Equal((200_000, "x,199999"), (count, last));
    }
}
