using System.Text;

namespace Zhifa.Web.Common;

/// <summary>
/// CSV exports (RFC 4180, UTF-8 with a BOM so that spreadsheet programs read the Chinese correctly), written so that
/// no spreadsheet takes a cell for a formula: text that starts like one (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab,
/// carriage return, or their full-width forms) gets a leading single quote, as OWASP advises against CSV injection.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Does a spreadsheet program read this text as the start of a formula (or of a DDE command)? The CSV import reads the quote off again.</summary>
    public static bool StartsLikeFormula(string? value) => Zhifa.Core.Common.CsvFormula.StartsLikeFormula(value);

    /// <summary>One cell: neutralised when it starts like a formula, quoted when it holds a separator, a quote or a line break.</summary>
    public static string Cell(string? value)
    {
        var v = value ?? "";
        if (StartsLikeFormula(v))
            v = "'" + v;
        return v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>The header line and the rows, each line ended by CRLF.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
            sb.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
