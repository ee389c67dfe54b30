using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Parties;

/// <summary>The rows a raw COPY took in, and how long it took.</summary>
public sealed record RawCopyTiming(long Rows, TimeSpan Elapsed);

/// <summary>
/// Party files for measuring and testing the bulk import (issue 12: a million parties from CSV, against a raw COPY of the
/// same file): <see cref="Write"/> makes a valid file of any length, <see cref="RawCopyAsync"/> times PostgreSQL's own
/// CSV COPY of it into a table of text columns — the yardstick the import is measured against.
/// </summary>
public static class PartyCsv
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];
    private static readonly string[] Words = ["晋北", "恒信", "宏达", "华泰", "金源", "鑫盛", "永安", "瑞丰", "嘉禾", "同德", "汇通", "裕民", "兴隆", "博远", "天成"];
    private static readonly string[] Trades = ["商贸", "食品", "建材", "物流", "餐饮", "机械", "农业", "科技", "医药", "汽车服务", "煤业", "印务"];
    private static readonly string[] Streets = ["新华街", "中山路", "建设路", "人民路", "解放路", "迎宾大道", "东关街", "西环路", "北城路", "南门街"];

    /// <summary>
    /// Writes a party file with the import template's Chinese header (UTF-8 with a byte-order mark, CRLF, as a spreadsheet
    /// program saves "CSV UTF-8"): <paramref name="rows"/> parties in the regions of <paramref name="regionCodes"/> (taken in
    /// turn; region codes of 6, 9 or 12 digits that exist in the database) — about 65% enterprises and 5% individual
    /// businesses, with valid GB 32100 credit codes (<see cref="PartyCreditCode.WithCheck"/>) whose first digits are the
    /// region's, and 30% natural persons with valid GB 11643 ID numbers (<see cref="IdNumber.WithCheck"/>). Codes and ID
    /// numbers are distinct within a file; the same seed writes the same file, another seed other codes.
    /// </summary>
    public static void Write(Stream output, int rows, int seed, IReadOnlyList<string> regionCodes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(regionCodes);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (regionCodes.Count == 0 || regionCodes.Any(c => c is null || c.Length < 6 || !c.All(char.IsAsciiDigit)))
            throw new ArgumentException("Region codes of at least six digits are needed.", nameof(regionCodes));
        var rng = new Random(seed);
        var seedStem = Base31(((seed % 961) + 961) % 961, 2);
        var firstDay = new DateOnly(1940, 1, 1);
        var daySpread = 25_000;
        var dayOffset = (int)(((long)seed * 7_919 % daySpread + daySpread) % daySpread);
        using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', PartyImport.Columns.Template));
        var persons = 0;
        var line = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            var region = regionCodes[i % regionCodes.Count];
            var region6 = region[..6];
            var roll = rng.Next(100);
            line.Clear();
            var phone = "13" + rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            if (roll < 70)
            {
                var business = roll >= 65;
                var stem = (business ? "92" : "91") + region6 + seedStem + Base31(i, 7);
                var code = PartyCreditCode.WithCheck(stem);
                var name = business
                    ? $"{Pick(rng, Surnames)}记{Pick(rng, Trades)}店{i.ToString(CultureInfo.InvariantCulture)}"
                    : $"{Pick(rng, Words)}{Pick(rng, Trades)}有限公司{i.ToString(CultureInfo.InvariantCulture)}";
                var industry = (char)('A' + rng.Next(20));
                var grade = rng.Next(5) is var g && g < 4 ? ((char)('A' + g)).ToString() : "";
                line.Append(business ? "个体工商户" : "企业").Append(',').Append(name).Append(',').Append(code).Append(",,")
                    .Append(Pick(rng, Surnames)).Append(Pick(rng, Given)).Append(',')
                    .Append(Pick(rng, Streets)).Append(rng.Next(1, 500).ToString(CultureInfo.InvariantCulture)).Append("号,")
                    .Append(industry).Append(',').Append(grade).Append(',').Append(phone).Append(',').Append(region)
                    .Append(',').Append(business || i % 7 != 0 ? "" : "安全生产重点、职工食堂");
            }
            else
            {
                var j = persons++;
                var birth = firstDay.AddDays(((j / 1000) + dayOffset) % daySpread);
                var number = IdNumber.WithCheck(region6 + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                    + (j % 1000).ToString("D3", CultureInfo.InvariantCulture));
                line.Append("自然人,").Append(Pick(rng, Surnames)).Append(Pick(rng, Given)).Append(",,").Append(number).Append(",,")
                    .Append(Pick(rng, Streets)).Append(rng.Next(1, 500).ToString(CultureInfo.InvariantCulture)).Append("号小区,,,")
                    .Append(phone).Append(',').Append(region).Append(',');
            }
            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// PostgreSQL's own CSV import of <paramref name="csv"/> (<c>COPY … FROM STDIN (FORMAT csv, HEADER)</c>) into a fresh
    /// unlogged table of a text column per column of the template, timed from the start of the COPY to its end; the table is dropped afterwards.
    /// </summary>
    public static async Task<RawCopyTiming> RawCopyAsync(string connectionString, Stream csv, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        const string Table = "zhifa_party_csv_raw_copy";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var columns = string.Join(", ", Enumerable.Range(1, PartyImport.Columns.Template.Count).Select(i => $"c{i.ToString(CultureInfo.InvariantCulture)} text"));
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table}; CREATE UNLOGGED TABLE {Table} ({columns})", ct);
        try
        {
            var watch = Stopwatch.StartNew();
            using (var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true))
            await using (var copy = await connection.BeginTextImportAsync($"COPY {Table} FROM STDIN (FORMAT csv, HEADER)", ct))
            {
                var buffer = new char[1 << 16];
                int n;
                while ((n = await reader.ReadAsync(buffer, ct)) > 0)
                    await copy.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            watch.Stop();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Table}", connection);
            return new RawCopyTiming((long)(await count.ExecuteScalarAsync(ct))!, watch.Elapsed);
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Pick(Random rng, string[] words) => words[rng.Next(words.Length)];

    /// <summary><paramref name="value"/> in <paramref name="width"/> characters of the credit code's alphabet.</summary>
    private static string Base31(long value, int width)
    {
        var chars = new char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            chars[i] = PartyCreditCode.Alphabet[(int)(value % 31)];
            value /= 31;
        }
        return chars.Length > 0 && value == 0 ? new string(chars) : throw new ArgumentOutOfRangeException(nameof(value), "Too many rows for the code's width.");
    }
}
