using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Parties;

/// <summary>The words an import accepts for kinds and industries (the UI's names in both languages, and the codes), from the Web's resources.</summary>
public sealed record PartyImportNames(IReadOnlyDictionary<string, PartyKind> Kinds, IReadOnlyDictionary<string, IndustrySection> Industries);

/// <summary>A CSV import done: the parties registered, and the audited record of the file (<see cref="PartyImportBatch"/>).</summary>
public sealed record PartyCsvImported(int Imported, Guid BatchId);

/// <summary>
/// Import of parties, from Excel or from CSV. All or nothing: every row is checked first and a single wrong cell rejects the
/// file, naming each wrong row and column (the first <see cref="ImportLimits.MaxErrors"/> with the total); a code or ID
/// number already registered, or twice in the file, is a wrong cell. Both formats go through one row check
/// (<see cref="PartyRowCheck"/>), so the same rows give the same errors. The cost is a fixed number of queries: the regions
/// and the caller's reach once, the registry's codes and hashes by chunks of <see cref="PartyRowCheck.RegistryChunk"/>.
/// <para>
/// An Excel sheet (read whole, at most <see cref="ImportLimits.MaxRows"/> rows) is saved through EF, each party audited. A CSV
/// file is for the registry's bulk loads (a million rows): it is read as a stream, twice. The first pass checks every row and
/// the registry; if anything is wrong nothing is written. The second pass reads the file again and writes the parties by
/// bulk copy (<see cref="BulkCopy"/>), and — in the same transaction — one <see cref="PartyImportBatch"/> through EF: a bulk
/// import is audited per file, not per row. Someone registering one of the file's parties between the two passes makes the
/// copy fail on the unique index: everything is rolled back and the answer is a conflict.
/// </para>
/// </summary>
public sealed partial class PartyImport(PartyContext ctx, ImportLimits limits, ILogger<PartyImport> log)
{
    /// <summary>Column titles (Chinese, with English aliases).</summary>
    public static class Columns
    {
        public static readonly string[] Kind = ["类型", "Kind"];
        public static readonly string[] Name = ["名称", "Name"];
        public static readonly string[] CreditCode = ["统一社会信用代码", "CreditCode"];
        public static readonly string[] IdNumber = ["身份证号", "IdNumber"];
        public static readonly string[] LegalRepresentative = ["法定代表人", "LegalRepresentative"];
        public static readonly string[] Address = ["地址", "Address"];
        public static readonly string[] Industry = ["行业", "Industry"];
        public static readonly string[] CreditGrade = ["信用等级", "CreditGrade"];
        public static readonly string[] Phone = ["联系电话", "Phone"];
        public static readonly string[] Region = ["所在地区", "Region"];
        public static readonly string[] RiskTags = ["风险标签", "RiskTags"];
        public static readonly IReadOnlyList<string> Template = ["类型", "名称", "统一社会信用代码", "身份证号", "法定代表人", "地址", "行业", "信用等级", "联系电话", "所在地区", "风险标签"];
    }

    private readonly ZhifaDbContext _db = ctx.Db;

    /// <summary>Imports the rows of an Excel sheet (<c>WorkbookReader</c>): checked, then saved through EF with an audit entry per party.</summary>
    public async Task<Result<int>> PartiesAsync(IReadOnlyList<ImportRow> rows, PartyImportNames names, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(names);
        if (rows.Count == 0)
            return PartyErrors.ImportEmpty();
        using var check = await PartyRowCheck.CreateAsync(ctx, names, limits, ct);
        var parties = new List<Party>(rows.Count);
        foreach (var row in rows)
        {
            if (check.Row(row, build: true, duplicates: true) is { } party)
                parties.Add(party);
            if (check.RegistryDue)
                await check.LookUpRegistryAsync(ct);
        }
        await check.FinishRegistryAsync(ct);
        if (!check.Errors.IsEmpty)
            return check.Errors.ToRejected();
        await _db.SaveInBatchesAsync(parties, limits.BatchSize, batch => _db.Parties.AddRange(batch), ct);
        return parties.Count;
    }

    /// <summary>
    /// Imports a CSV file (<see cref="CsvRows"/>; the template's titles, Chinese or English) that <paramref name="open"/> opens
    /// from its start each time it is called (it is read twice). <paramref name="fileName"/> is the name the uploader gave it.
    /// </summary>
    public async Task<Result<PartyCsvImported>> CsvAsync(Func<Stream> open, string fileName, PartyImportNames names, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(names);

        var watch = Stopwatch.StartNew();
        // Pass 1: every row checked, the codes and ID numbers against each other and the registry; the file's hash as it goes by.
        using var check = await PartyRowCheck.CreateAsync(ctx, names, limits, ct);
        var rows = 0;
        string sha256;
        await using (var stream = open())
        using (var hash = SHA256.Create())
        {
            await using (var hashing = new CryptoStream(stream, hash, CryptoStreamMode.Read, leaveOpen: true))
            {
                foreach (var row in CsvRows.Read(hashing, limits, check.Errors.Add))
                {
                    rows++;
                    check.Row(row, build: false, duplicates: true);
                    if (check.RegistryDue)
                        await check.LookUpRegistryAsync(ct);
                }
                // The reader may stop before the end (a fault); the hash is of the whole file.
                await hashing.CopyToAsync(Stream.Null, ct);
            }
            sha256 = Convert.ToHexStringLower(hash.Hash!);
        }
        await check.FinishRegistryAsync(ct);
        var checkedIn = watch.Elapsed;
        Checked(log, rows, checkedIn.TotalSeconds, check.RegistryWaited.TotalSeconds, check.Errors.Total);
        if (!check.Errors.IsEmpty)
            return check.Errors.ToRejected();
        if (rows == 0)
            return PartyErrors.ImportEmpty();

        // Pass 2: the file again, each row checked as before and now built, copied in one transaction with the batch's record.
        using var again = check.Again();
        var now = ctx.Now;
        var strategy = _db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var stream = open();
            await using var tx = await _db.Database.BeginTransactionAsync(ct);
            var copy = await BulkCopy.ForAsync(_db, ct);
            long written;
            try
            {
                written = await copy.WriteAsync(Built(stream, again, now), ct);
            }
            catch (Exception e) when (BulkCopy.IsUniqueViolation(e))
            {
                await tx.RollbackAsync(ct);
                return (Result<PartyCsvImported>)PartyErrors.ImportRegisteredMeanwhile();
            }
            var batch = PartyImportBatch.Record(_db.Actor, fileName, sha256, checked((int)written), now);
            _db.PartyImportBatches.Add(batch);
            await _db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Copied(log, batch.Rows, (watch.Elapsed - checkedIn).TotalSeconds, batch.Id);
            return (Result<PartyCsvImported>)new PartyCsvImported(batch.Rows, batch.Id);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Party CSV import: {Rows} rows checked in {Seconds:F2} s (of which {RegistrySeconds:F2} s waiting for the registry look-ups), {Errors} wrong cells")]
    private static partial void Checked(ILogger log, int rows, double seconds, double registrySeconds, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Party CSV import: {Rows} parties copied and committed in {Seconds:F2} s, batch {BatchId}")]
    private static partial void Copied(ILogger log, int rows, double seconds, Guid batchId);

    /// <summary>The parties of the file's rows, read the second time; a row that no longer checks (the file changed) stops the copy.</summary>
    private IEnumerable<Party> Built(Stream stream, PartyRowCheck check, DateTime now)
    {
        foreach (var row in CsvRows.Read(stream, limits, check.Errors.Add))
        {
            if (check.Row(row, build: true, duplicates: false, now) is not { } party || !check.Errors.IsEmpty)
                throw new InvalidOperationException("The import file read differently the second time; nothing was imported.");
            yield return party;
        }
        if (!check.Errors.IsEmpty)
            throw new InvalidOperationException("The import file read differently the second time; nothing was imported.");
    }
}

/// <summary>
/// The check of one imported row of parties, the same for every format: the kind, region, industry and grade as words or codes,
/// the profile's fields (<see cref="Party.Check"/>), the ID number (<see cref="IdNumber.Check"/>); with
/// <c>duplicates</c>, a credit code or ID number seen in an earlier row of the file (the message names that row) or, checked by
/// chunks, already in the registry. Wrong cells go to <see cref="Errors"/>. What it keeps per row is a number per code or ID
/// number and the row it came from, so a file of a million rows is checked in a few tens of megabytes.
/// </summary>
public sealed class PartyRowCheck : IDisposable
{
    /// <summary>Codes (or ID-number hashes) looked up in the registry per query, as one array parameter.</summary>
    public const int RegistryChunk = 250_000;

    private readonly PartyContext _ctx;
    private readonly PartyImportNames _names;
    private readonly ImportLimits _limits;
    private readonly IReadOnlyDictionary<string, Region> _byCode;
    private readonly IReadOnlyDictionary<string, Region> _byName;
    private readonly Dictionary<UInt128, int> _codes = [];
    private readonly Dictionary<ulong, int> _idNumbers = [];
    private readonly List<(string Code, int Row)> _pendingCodes = [];
    private readonly List<(string Hash, int Row)> _pendingHashes = [];
    private readonly DateOnly _today;
    private readonly System.Security.Cryptography.IncrementalHash _hasher;
    private readonly Dictionary<string, PartyKind?> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndustrySection?> _industries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CreditGrade?> _grades = new(StringComparer.Ordinal);

    private PartyRowCheck(PartyContext ctx, PartyImportNames names, ImportLimits limits, IReadOnlyDictionary<string, Region> byCode,
        IReadOnlyDictionary<string, Region> byName)
    {
        _ctx = ctx;
        _names = names;
        _limits = limits;
        _byCode = byCode;
        _byName = byName;
        _today = ctx.Today;
        _hasher = IdNumber.Hasher(ctx.Pepper);
        Errors = new ImportErrorList(limits.MaxErrors);
    }

    public void Dispose() => _hasher.Dispose();

    public ImportErrorList Errors { get; }

    /// <summary>The regions the caller may register parties in, by code and by name (a name two regions share is not accepted).</summary>
    public static async Task<PartyRowCheck> CreateAsync(PartyContext ctx, PartyImportNames names, ImportLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(limits);
        var regions = await ctx.Db.Regions.Unscoped("the region tree is reference data; the caller's reach is checked below").AsNoTracking()
            .Where(r => r.IsActive).ToListAsync(ct);
        var reach = await ctx.ReachAsync(PartyPermissions.Manage, ct);
        var allowed = regions.Where(r => PartyContext.InReach(reach, r.Path)).ToList();
        var byCode = allowed.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var byName = allowed.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        return new PartyRowCheck(ctx, names, limits, byCode, byName);
    }

    /// <summary>The same check for a second reading of the file: the same regions and words, no errors yet, no duplicate tracking.</summary>
    public PartyRowCheck Again() => new(_ctx, _names, _limits, _byCode, _byName);

    /// <summary>Enough codes or hashes wait for <see cref="LookUpRegistryAsync"/>.</summary>
    public bool RegistryDue => _pendingCodes.Count >= RegistryChunk || _pendingHashes.Count >= RegistryChunk;

    /// <summary>
    /// Checks one row, adding its wrong cells to <see cref="Errors"/>. With <paramref name="build"/> the party is made (its ID
    /// number encrypted) and returned when the row is right; with <paramref name="duplicates"/> the codes and ID numbers are
    /// compared with the file's earlier rows and queued for the registry.
    /// </summary>
    public Party? Row(ImportRow row, bool build, bool duplicates, DateTime? now = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var errors = Errors;
        var before = errors.Total;
        void Fail(string[] column, FieldMessage message) => errors.Add(row.Number, column[0], message);

        var kindText = row.Get(PartyImport.Columns.Kind);
        var kind = Word(_kinds, kindText, t => _names.Kinds.TryGetValue(t, out var k) ? k : (PartyKind?)null);
        if (kind is null)
            Fail(PartyImport.Columns.Kind, PartyErrors.ImportKindUnknown(kindText));
        var regionText = row.Get(PartyImport.Columns.Region);
        var region = _byCode.GetValueOrDefault(regionText) ?? _byName.GetValueOrDefault(regionText);
        if (region is null)
            Fail(PartyImport.Columns.Region, PartyErrors.ImportRegionUnknown(regionText));
        var industryText = row.Get(PartyImport.Columns.Industry);
        IndustrySection? industry = null;
        if (industryText.Length > 0)
        {
            industry = Word(_industries, industryText, t => _names.Industries.TryGetValue(t, out var s) ? s : (IndustrySection?)null);
            if (industry is null)
                Fail(PartyImport.Columns.Industry, PartyErrors.ImportIndustryUnknown(industryText));
        }
        var gradeText = row.Get(PartyImport.Columns.CreditGrade);
        CreditGrade? grade = null;
        if (gradeText.Length > 0)
        {
            grade = Word(_grades, gradeText, t => Enum.TryParse<CreditGrade>(t.Trim().TrimEnd('级'), true, out var g) && Enum.IsDefined(g) ? g : null);
            if (grade is null)
                Fail(PartyImport.Columns.CreditGrade, PartyErrors.ImportGradeUnknown(gradeText));
        }
        if (kind is null)
            return null;

        var profile = new PartyProfile(kind.Value, row.Get(PartyImport.Columns.Name), row.Get(PartyImport.Columns.CreditCode),
            row.Get(PartyImport.Columns.LegalRepresentative), row.Get(PartyImport.Columns.Address), industry, grade, row.Get(PartyImport.Columns.Phone),
            region?.Id ?? Guid.Empty, row.Get(PartyImport.Columns.RiskTags));
        var invalid = Party.Check(profile);
        if (invalid is not null)
            AddFieldErrors(row.Number, invalid, region is null);
        StoredIdNumber? idNumber = null;
        if (kind == PartyKind.NaturalPerson)
        {
            var text = row.Get(PartyImport.Columns.IdNumber);
            if (text.Length == 0)
            {
                AddFieldErrors(row.Number, PartyErrors.IdNumberRequired(), false);
            }
            else if (IdNumber.Check(text, _today) is { } wrong)
            {
                AddFieldErrors(row.Number, (ValidationError)wrong, false);
            }
            else
            {
                var number = IdNumber.Normalize(text);
                var hash = IdNumber.Hash(number, _hasher);
                if (duplicates && Repeated(_idNumbers, IdKey(number), row.Number) is { } first)
                    Fail(PartyImport.Columns.IdNumber, PartyErrors.ImportRepeated(first));
                else if (duplicates)
                    _pendingHashes.Add((hash, row.Number));
                if (build)
                    idNumber = new StoredIdNumber(hash, _ctx.Protector.Protect(number), IdNumber.Mask(number));
            }
        }
        else if (duplicates && invalid?.Fields.ContainsKey("creditCode") != true && PartyCreditCode.Normalize(profile.CreditCode) is { Length: > 0 } code)
        {
            // Party.Check found the code well-formed.
            if (Repeated(_codes, CodeKey(code), row.Number) is { } first)
                Fail(PartyImport.Columns.CreditCode, PartyErrors.ImportRepeated(first));
            else
                _pendingCodes.Add((code, row.Number));
        }
        if (!build || errors.Total > before || region is null)
            return null;
        return Party.Register(profile, idNumber, region.Path, now ?? _ctx.Now);
    }

    /// <summary>Looks the queued codes and ID-number hashes up in the registry (one query per kind of key); those found are wrong cells.</summary>
    /// <summary>How long the check waited for the registry look-ups (they run while the next rows are read).</summary>
    public TimeSpan RegistryWaited { get; private set; }

    private Task<List<ImportRowError>>? _lookup;

    /// <summary>
    /// Starts looking the queued codes and ID-number hashes up in the registry (one query per kind of key), after taking in
    /// what the previous look-up found: the rows read next are checked while the database searches. Nothing else may use
    /// the context until <see cref="FinishRegistryAsync"/>.
    /// </summary>
    public async Task LookUpRegistryAsync(CancellationToken ct)
    {
        await TakeInLookupAsync();
        if (_pendingCodes.Count == 0 && _pendingHashes.Count == 0)
            return;
        var codes = _pendingCodes.ToArray();
        var hashes = _pendingHashes.ToArray();
        _pendingCodes.Clear();
        _pendingHashes.Clear();
        _lookup = TakenAsync(codes, hashes, ct);
    }

    /// <summary>Looks up what is still queued and waits for every look-up: the registry's clashes are then in <see cref="Errors"/>.</summary>
    public async Task FinishRegistryAsync(CancellationToken ct)
    {
        await LookUpRegistryAsync(ct);
        await TakeInLookupAsync();
    }

    private async Task TakeInLookupAsync()
    {
        if (_lookup is null)
            return;
        var waited = Stopwatch.StartNew();
        var found = await _lookup;
        RegistryWaited += waited.Elapsed;
        _lookup = null;
        foreach (var error in found)
            Errors.Add(error);
    }

    /// <summary>The cells whose code or hash the registry already holds.</summary>
    private async Task<List<ImportRowError>> TakenAsync((string Code, int Row)[] codes, (string Hash, int Row)[] hashes, CancellationToken ct)
    {
        var all = _ctx.Db.Parties.Unscoped("credit codes and ID numbers are unique across the whole registry").AsNoTracking();
        var found = new List<ImportRowError>();
        if (codes.Length > 0)
        {
            var keys = codes.Select(c => c.Code).ToArray();
            var taken = (await all.Where(p => p.CreditCode != null && EF.Parameter(keys).Contains(p.CreditCode)).Select(p => p.CreditCode!).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            found.AddRange(codes.Where(c => taken.Contains(c.Code)).Select(c => PartyErrors.CreditCodeRegisteredCell().At(c.Row, PartyImport.Columns.CreditCode[0])));
        }
        if (hashes.Length > 0)
        {
            var keys = hashes.Select(c => c.Hash).ToArray();
            var taken = (await all.Where(p => p.IdNumberHash != null && EF.Parameter(keys).Contains(p.IdNumberHash)).Select(p => p.IdNumberHash!).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            found.AddRange(hashes.Where(c => taken.Contains(c.Hash)).Select(c => PartyErrors.IdNumberRegisteredCell().At(c.Row, PartyImport.Columns.IdNumber[0])));
        }
        return found;
    }

    /// <summary>
    /// A word of a column with few values (a kind, an industry, a grade) as <paramref name="read"/> reads it, remembered by its
    /// exact text: a million rows repeat a handful of words. At most <see cref="MaxWords"/> texts are remembered per column.
    /// </summary>
    private static T? Word<T>(Dictionary<string, T?> known, string text, Func<string, T?> read) where T : struct
    {
        if (known.TryGetValue(text, out var value))
            return value;
        value = read(text);
        if (known.Count < MaxWords)
            known[text] = value;
        return value;
    }

    private const int MaxWords = 1000;

    /// <summary>The row where <paramref name="key"/> was first seen, or null (and now it is seen) when this is the first time.</summary>
    private static int? Repeated<TKey>(Dictionary<TKey, int> seen, TKey key, int row) where TKey : notnull
    {
        ref var first = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out var exists);
        if (exists)
            return first;
        first = row;
        return null;
    }

    /// <summary>A valid credit code as a number: 18 characters of a 31-letter alphabet fit in 90 bits, one to one.</summary>
    private static UInt128 CodeKey(string code)
    {
        UInt128 key = 0;
        foreach (var c in code)
            key = (key * 31) + (uint)PartyCreditCode.ValueOf(c);
        return key;
    }

    /// <summary>A valid ID number as a number: 17 digits and a check character of 11, one to one.</summary>
    private static ulong IdKey(string number)
    {
        ulong key = 0;
        for (var i = 0; i < 17; i++)
            key = (key * 10) + (ulong)(number[i] - '0');
        return (key * 11) + (number[17] == 'X' ? 10UL : (ulong)(number[17] - '0'));
    }

    /// <summary>A field's errors become errors of its column; the region's "required" is already reported as unknown.</summary>
    private void AddFieldErrors(int row, ValidationError error, bool regionReported)
    {
        static string Column(string field) => field switch
        {
            "name" => PartyImport.Columns.Name[0],
            "creditCode" => PartyImport.Columns.CreditCode[0],
            "idNumber" => PartyImport.Columns.IdNumber[0],
            "legalRepresentative" => PartyImport.Columns.LegalRepresentative[0],
            "address" => PartyImport.Columns.Address[0],
            "phone" => PartyImport.Columns.Phone[0],
            "regionId" => PartyImport.Columns.Region[0],
            "riskTags" => PartyImport.Columns.RiskTags[0],
            _ => field,
        };
        foreach (var (field, messages) in error.Fields)
        {
            if (field == "regionId" && regionReported)
                continue;
            foreach (var m in messages)
                Errors.Add(m.At(row, Column(field)));
        }
    }
}
