namespace Zhifa.Core.Common;

/// <summary>
/// Why a record of an uploaded CSV file cannot be read (<see cref="CsvRows"/>), reported as a wrong cell of the import
/// with its row; and the CSV upload's own size limit. Each code is stable, API-visible and the resource key of its message.
/// </summary>
public static class CsvErrors
{
    /// <summary>A quote opened in this cell is never closed: the rest of the file would be one cell.</summary>
    public static FieldMessage UnclosedQuote() => new("import.csv_unclosed_quote", []);

    /// <summary>A closing quote followed by text other than a comma or a line break.</summary>
    public static FieldMessage QuoteMisplaced() => new("import.csv_quote_misplaced", []);

    /// <summary>The row has more cells with text than the header has columns.</summary>
    public static FieldMessage TooManyCells(int cells, int columns) => new("import.csv_too_many_cells", [cells, columns]);

    public static FieldMessage CellTooLong(int maxLength) => new("import.csv_cell_too_long", [maxLength]);

    public static FieldMessage TooManyColumns(int max) => new("import.csv_too_many_columns", [max]);

    /// <summary>The bytes are not UTF-8 text (a spreadsheet program's "CSV" in a local code page, or not text at all).</summary>
    public static FieldMessage NotUtf8() => new("import.csv_not_utf8", []);

    /// <summary>The CSV file is larger than <see cref="ImportLimits.MaxCsvMegabytes"/>.</summary>
    public static ImportFileRefused UploadTooLarge(int maxMegabytes) =>
        new("import.upload_too_large", ImportLimits.Section + ":" + nameof(ImportLimits.MaxCsvMegabytes), maxMegabytes);
}
