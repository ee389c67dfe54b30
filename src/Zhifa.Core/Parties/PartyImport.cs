using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Parties;

/// <summary>The words an import accepts for kinds and industries (the UI's names in both languages, and the codes), from the Web's resources.</summary>
public sealed record PartyImportNames(IReadOnlyDictionary<string, PartyKind> Kinds, IReadOnlyDictionary<string, IndustrySection> Industries);

/// <summary>
/// Excel import of parties. All or nothing: every row is checked first and a single wrong cell rejects the file, naming each wrong
/// row and column (the first <see cref="ImportLimits.MaxErrors"/> with the total); a code or ID number already registered, or twice in
/// the file, is a wrong cell. The cost is a fixed number of queries: the regions once, the existing codes and hashes by chunks.
/// </summary>
public sealed class PartyImport(PartyContext ctx, ImportLimits limits)
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
        public static readonly IReadOnlyList<string> Template = ["类型", "名称", "统一社会信用代码", "身份证号", "法定代表人", "地址", "行业", "信用等级", "联系电话", "所在地区"];
    }

    private readonly ZhifaDbContext _db = ctx.Db;

    public async Task<Result<int>> PartiesAsync(IReadOnlyList<ImportRow> rows, PartyImportNames names, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(names);
        if (rows.Count == 0)
            return PartyErrors.ImportEmpty();

        // The regions the caller may register parties in, by code and by name (a name two regions share is not accepted).
        var regions = await _db.Regions.Unscoped("the region tree is reference data; the caller's reach is checked below").AsNoTracking()
            .Where(r => r.IsActive).ToListAsync(ct);
        var reach = await ctx.ReachAsync(PartyPermissions.Manage, ct);
        var allowed = regions.Where(r => PartyContext.InReach(reach, r.Path)).ToList();
        var byCode = allowed.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var byName = allowed.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

        var ids = rows.Select(r => r.Get(Columns.IdNumber) is { Length: > 0 } n ? StoredIdNumber.Create(n, ctx.Today, ctx.Protector, ctx.Pepper) : (Result<StoredIdNumber>?)null).ToList();
        var codes = rows.Select(r => PartyCreditCode.Normalize(r.Get(Columns.CreditCode))).Where(c => c.Length > 0).Distinct().ToList();
        var all = _db.Parties.Unscoped("credit codes and ID numbers are unique across the whole registry").AsNoTracking();
        var takenCodes = (await Batches.ByChunksAsync(codes, chunk => all.Where(p => p.CreditCode != null && chunk.Contains(p.CreditCode)).Select(p => p.CreditCode!).ToListAsync(ct)))
            .ToHashSet(StringComparer.Ordinal);
        var hashes = ids.Where(i => i is { IsSuccess: true }).Select(i => i!.Value.Value.Hash).ToList();
        var takenHashes = (await Batches.ByChunksAsync(hashes, chunk => all.Where(p => p.IdNumberHash != null && chunk.Contains(p.IdNumberHash)).Select(p => p.IdNumberHash!).ToListAsync(ct)))
            .ToHashSet(StringComparer.Ordinal);

        var errors = new ImportErrorList(limits.MaxErrors);
        var parties = new List<Party>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var before = errors.Total;
            void Fail(string[] column, FieldMessage message) => errors.Add(row.Number, column[0], message);

            var kindText = row.Get(Columns.Kind);
            PartyKind? kind = names.Kinds.TryGetValue(kindText, out var k) ? k : null;
            if (kind is null)
                Fail(Columns.Kind, PartyErrors.ImportKindUnknown(kindText));
            var regionText = row.Get(Columns.Region);
            var region = byCode.GetValueOrDefault(regionText) ?? byName.GetValueOrDefault(regionText);
            if (region is null)
                Fail(Columns.Region, PartyErrors.ImportRegionUnknown(regionText));
            var industryText = row.Get(Columns.Industry);
            IndustrySection? industry = null;
            if (industryText.Length > 0)
            {
                if (names.Industries.TryGetValue(industryText, out var s))
                    industry = s;
                else
                    Fail(Columns.Industry, PartyErrors.ImportIndustryUnknown(industryText));
            }
            var gradeText = row.Get(Columns.CreditGrade);
            CreditGrade? grade = null;
            if (gradeText.Length > 0)
            {
                if (Enum.TryParse<CreditGrade>(gradeText.Trim().TrimEnd('级'), true, out var g) && Enum.IsDefined(g))
                    grade = g;
                else
                    Fail(Columns.CreditGrade, PartyErrors.ImportGradeUnknown(gradeText));
            }
            if (kind is null)
                continue;

            var profile = new PartyProfile(kind.Value, row.Get(Columns.Name), row.Get(Columns.CreditCode), row.Get(Columns.LegalRepresentative),
                row.Get(Columns.Address), industry, grade, row.Get(Columns.Phone), region?.Id ?? Guid.Empty);
            if (Party.Check(profile) is { } invalid)
                AddFieldErrors(row.Number, invalid, errors, region is null);
            StoredIdNumber? idNumber = null;
            if (kind == PartyKind.NaturalPerson)
            {
                if (ids[i] is not { } stored)
                    AddFieldErrors(row.Number, PartyErrors.IdNumberRequired(), errors, false);
                else if (!stored.IsSuccess)
                    AddFieldErrors(row.Number, (ValidationError)stored.Error, errors, false);
                else if (!seen.Add("id:" + stored.Value.Hash))
                    Fail(Columns.IdNumber, PartyErrors.ImportRepeated());
                else if (takenHashes.Contains(stored.Value.Hash))
                    Fail(Columns.IdNumber, PartyErrors.IdNumberRegisteredCell());
                else
                    idNumber = stored.Value;
            }
            else if (PartyCreditCode.Normalize(profile.CreditCode) is { Length: > 0 } code && PartyCreditCode.IsValid(code))
            {
                if (!seen.Add("code:" + code))
                    Fail(Columns.CreditCode, PartyErrors.ImportRepeated());
                else if (takenCodes.Contains(code))
                    Fail(Columns.CreditCode, PartyErrors.CreditCodeRegisteredCell());
            }
            if (errors.Total > before || region is null)
                continue;
            parties.Add(Party.Register(profile, idNumber, region.Path, ctx.Now));
        }
        if (!errors.IsEmpty)
            return errors.ToRejected();
        await _db.SaveInBatchesAsync(parties, limits.BatchSize, batch => _db.Parties.AddRange(batch), ct);
        return parties.Count;
    }

    /// <summary>A field's errors become errors of its column; the region's "required" is already reported as unknown.</summary>
    private static void AddFieldErrors(int row, ValidationError error, ImportErrorList errors, bool regionReported)
    {
        static string Column(string field) => field switch
        {
            "name" => Columns.Name[0],
            "creditCode" => Columns.CreditCode[0],
            "idNumber" => Columns.IdNumber[0],
            "legalRepresentative" => Columns.LegalRepresentative[0],
            "address" => Columns.Address[0],
            "phone" => Columns.Phone[0],
            "regionId" => Columns.Region[0],
            _ => field,
        };
        foreach (var (field, messages) in error.Fields)
        {
            if (field == "regionId" && regionReported)
                continue;
            foreach (var m in messages)
                errors.Add(m.At(row, Column(field)));
        }
    }
}
