using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

/// <summary>The columns of a catalogue sheet, by key; the sheet's titles for them are the web layer's business.</summary>
public static class CatalogueColumns
{
    public const string Code = "code";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string LawName = "lawName";
    public const string Article = "article";
    public const string Clause = "clause";
    public const string Text = "text";
    public const string Bodies = "bodies";
    public const string SettingLevel = "settingLevel";
    public const string DelegationDocument = "delegationDocument";
    public const string DelegatedOn = "delegatedOn";
    public const string EvaluationDueOn = "evaluationDueOn";
    public const string EffectiveFrom = "effectiveFrom";

    public static readonly IReadOnlyList<string> All =
        [Code, Name, Kind, LawName, Article, Clause, Text, Bodies, SettingLevel, DelegationDocument, DelegatedOn, EvaluationDueOn, EffectiveFrom];

    /// <summary>The statutory names of the kinds, as catalogues write them.</summary>
    public static readonly IReadOnlyDictionary<ItemKind, string> KindNames = new Dictionary<ItemKind, string>
    {
        [ItemKind.Penalty] = "行政处罚",
        [ItemKind.Licensing] = "行政许可",
        [ItemKind.Levy] = "行政征收征用",
        [ItemKind.Confirmation] = "行政确认",
        [ItemKind.Payment] = "行政给付",
        [ItemKind.Coercion] = "行政强制",
        [ItemKind.Inspection] = "行政检查",
        [ItemKind.Other] = "其他行政执法事项",
    };

    public static readonly IReadOnlyDictionary<RegionLevel, string> LevelNames = new Dictionary<RegionLevel, string>
    {
        [RegionLevel.Province] = "省级",
        [RegionLevel.City] = "市级",
        [RegionLevel.County] = "县级",
        [RegionLevel.Township] = "乡镇级",
    };

    /// <summary>A kind by its statutory name, a short form (“处罚”, “其他”) or its English code.</summary>
    public static ItemKind? ParseKind(string text)
    {
        var t = text.Trim();
        if (Enum.TryParse<ItemKind>(t, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(t, CultureInfo.InvariantCulture, out _))
            return k;
        foreach (var (kind, name) in KindNames)
        {
            if (name == t || name.Replace("行政", "", StringComparison.Ordinal) == t || (kind == ItemKind.Other && t == "其他"))
                return kind;
        }
        return null;
    }

    public static RegionLevel? ParseLevel(string text)
    {
        var t = text.Trim();
        if (Enum.TryParse<RegionLevel>(t, ignoreCase: true, out var l) && Enum.IsDefined(l) && !int.TryParse(t, CultureInfo.InvariantCulture, out _))
            return l;
        foreach (var (level, name) in LevelNames)
        {
            if (name == t || name.TrimEnd('级') == t)
                return level;
        }
        return t is "县" or "县市区" or "县（市、区）" ? RegionLevel.County : t is "乡镇（街道）" or "乡镇街道" ? RegionLevel.Township : null;
    }
}

/// <summary>One data row of an imported sheet: its row number and its cells by column key.</summary>
public sealed record CatalogueImportRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v.Trim() : "";
}

public sealed record ImportOutcome(int Drafts, int Published, IReadOnlyList<string> Codes);

/// <summary>
/// Imports a body's catalogue from a sheet: one row per legal basis, rows of one code forming one item. With an
/// effective date the item is taken over as published before Zhifa (it stands as it was; the clean-up will find what is
/// missing); without, it becomes a draft to submit for review. All or nothing: any wrong row and nothing is imported, and
/// every problem is reported with its row and column (field key <c>rows[N].column</c>), the first
/// <see cref="ImportLimits.MaxErrors"/> of them with a note of how many there are in all (field <c>file</c>). A fixed
/// number of queries, whatever the number of rows: the bodies once, the codes by chunks, the items written in batches
/// of <see cref="ImportLimits.BatchSize"/> in one transaction.
/// </summary>
public sealed class ImportCatalogue(ZhifaDbContext db, TimeProvider clock, ImportLimits limits)
{
    public const int MaxRows = 5000;

    public async Task<Result<ImportOutcome>> ExecuteAsync(Guid ownerId, IReadOnlyList<CatalogueImportRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (await CatalogueAccess.BodyAsync(db, ownerId, CataloguePermissions.CatalogueEdit, ct) is null)
            return CatalogueErrors.UnknownOwner();
        if (rows.Count == 0)
            return CatalogueErrors.ImportEmpty();
        if (rows.Count > MaxRows)
            return CatalogueErrors.ImportTooManyRows(MaxRows);

        var errors = new Dictionary<string, List<FieldMessage>>();
        void Fail(int row, string column, FieldMessage message)
        {
            var key = $"rows[{row}].{column}";
            if (!errors.TryGetValue(key, out var list))
                errors[key] = list = [];
            list.Add(message);
        }

        var bodyNames = await db.Bodies.Unscoped("an imported item may name implementing bodies anywhere").AsNoTracking().Where(b => b.IsActive).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        var bodiesByName = bodyNames.GroupBy(b => b.Name).ToDictionary(g => g.Key, g => g.Select(b => b.Id).ToList(), StringComparer.Ordinal);
        var today = clock.Today();
        var drafts = new List<Draft>();
        foreach (var group in rows.GroupBy(r => r[CatalogueColumns.Code]))
        {
            var first = group.First();
            if (group.Key.Length == 0)
            {
                foreach (var r in group)
                    Fail(r.Row, CatalogueColumns.Code, CatalogueErrors.ImportCodeRequired());
                continue;
            }
            foreach (var r in group.Skip(1))
            {
                if (r[CatalogueColumns.Name].Length > 0 && r[CatalogueColumns.Name] != first[CatalogueColumns.Name])
                    Fail(r.Row, CatalogueColumns.Name, CatalogueErrors.ImportCodeConflict(group.Key, first.Row));
            }
            var kind = CatalogueColumns.ParseKind(first[CatalogueColumns.Kind]);
            if (kind is null)
                Fail(first.Row, CatalogueColumns.Kind, CatalogueErrors.ImportKindUnknown(first[CatalogueColumns.Kind]));
            var level = first[CatalogueColumns.SettingLevel].Length == 0 ? RegionLevel.County : CatalogueColumns.ParseLevel(first[CatalogueColumns.SettingLevel]);
            if (level is null)
                Fail(first.Row, CatalogueColumns.SettingLevel, CatalogueErrors.ImportLevelUnknown(first[CatalogueColumns.SettingLevel]));

            var bases = new List<LegalBasis>();
            foreach (var r in group)
            {
                string[] parts = [r[CatalogueColumns.LawName], r[CatalogueColumns.Article], r[CatalogueColumns.Text]];
                if (parts.All(p => p.Length == 0) && r[CatalogueColumns.Clause].Length == 0)
                    continue;
                if (parts.Any(p => p.Length == 0))
                {
                    foreach (var missing in new[] { CatalogueColumns.LawName, CatalogueColumns.Article, CatalogueColumns.Text }.Where(c => r[c].Length == 0))
                        Fail(r.Row, missing, CatalogueErrors.ImportBasisIncomplete());
                    continue;
                }
                bases.Add(new LegalBasis(parts[0].Trim('《', '》'), parts[1], r[CatalogueColumns.Clause].Length == 0 ? null : r[CatalogueColumns.Clause], parts[2]));
            }

            var bodies = new List<Guid>();
            foreach (var name in group.SelectMany(r => r[CatalogueColumns.Bodies].Split(['、', ';', '；', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct())
            {
                if (!bodiesByName.TryGetValue(name, out var ids))
                    Fail(first.Row, CatalogueColumns.Bodies, CatalogueErrors.ImportBodyUnknown(name));
                else if (ids.Count > 1)
                    Fail(first.Row, CatalogueColumns.Bodies, CatalogueErrors.ImportBodyAmbiguous(name));
                else
                    bodies.Add(ids[0]);
            }

            TownshipDelegation? delegation = null;
            var document = first[CatalogueColumns.DelegationDocument];
            var delegatedOn = DateCell(first, CatalogueColumns.DelegatedOn, Fail);
            var dueOn = DateCell(first, CatalogueColumns.EvaluationDueOn, Fail);
            if (document.Length > 0 || delegatedOn is not null || dueOn is not null)
            {
                if (document.Length == 0 || delegatedOn is null || dueOn is null)
                {
                    // Each empty cell of the three (an unreadable date has already been reported as such).
                    foreach (var missing in new[] { CatalogueColumns.DelegationDocument, CatalogueColumns.DelegatedOn, CatalogueColumns.EvaluationDueOn }.Where(c => first[c].Length == 0))
                        Fail(first.Row, missing, CatalogueErrors.ImportDelegationIncomplete());
                }
                else
                    delegation = new TownshipDelegation(document, delegatedOn.Value, dueOn.Value);
            }
            var effectiveFrom = DateCell(first, CatalogueColumns.EffectiveFrom, Fail);
            if (effectiveFrom > today)
                Fail(first.Row, CatalogueColumns.EffectiveFrom, CatalogueErrors.ImportEffectiveInFuture());
            // The content's own checks run even when the kind or level is unknown, so that the row reports all its wrong cells.
            var content = new ItemContent(first[CatalogueColumns.Name], kind ?? ItemKind.Other, bases, bodies, level ?? RegionLevel.County, delegation);
            if (content.Check() is { } invalid)
            {
                foreach (var (field, messages) in invalid.Fields)
                {
                    foreach (var m in messages)
                        Fail(first.Row, ColumnOf(field), m);
                }
                continue;
            }
            if (kind is null || level is null)
                continue;
            drafts.Add(new Draft(first.Row, group.Key, content, effectiveFrom));
        }

        var codes = drafts.Select(d => d.Code).ToList();
        var taken = (await Batches.ByChunksAsync(codes, chunk =>
                db.CatalogueItems.Unscoped("item codes are unique across the whole database").AsNoTracking().Where(i => chunk.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var d in drafts.Where(d => taken.Contains(d.Code)))
            Fail(d.Row, CatalogueColumns.Code, CatalogueErrors.ImportCodeDuplicate(d.Code));
        foreach (var d in drafts.Where(d => d.Code.Length > CatalogueItem.MaxCodeLength))
            Fail(d.Row, CatalogueColumns.Code, CatalogueErrors.ImportCodeTooLong(CatalogueItem.MaxCodeLength));
        if (errors.Count > 0)
            return Rejected(errors);

        var now = clock.GetUtcNow();
        var items = new List<CatalogueItem>();
        foreach (var d in drafts)
        {
            var created = d.EffectiveFrom is { } from
                ? CatalogueItem.Import(Guid.CreateVersion7(now), Guid.CreateVersion7(now), ownerId, d.Code, d.Content, from, now.UtcDateTime)
                : CatalogueItem.Create(Guid.CreateVersion7(now), Guid.CreateVersion7(now), ownerId, d.Code, d.Content, now.UtcDateTime);
            items.Add(created.Value);
        }
        await db.SaveInBatchesAsync(items, limits.BatchSize, batch => db.CatalogueItems.AddRange(batch), ct);
        return new ImportOutcome(drafts.Count(d => d.EffectiveFrom is null), drafts.Count(d => d.EffectiveFrom is not null), codes);
    }

    /// <summary>The wrong cells by row, at most <see cref="ImportLimits.MaxErrors"/> of them, and a note of the total when there are more.</summary>
    private ValidationError Rejected(Dictionary<string, List<FieldMessage>> errors)
    {
        var max = Math.Max(1, limits.MaxErrors);
        var total = errors.Sum(e => e.Value.Count);
        var listed = new Dictionary<string, FieldMessage[]>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (key, messages) in errors.OrderBy(e => RowOf(e.Key)))
        {
            if (count >= max)
                break;
            var take = messages.Take(max - count).ToArray();
            listed[key] = take;
            count += take.Length;
        }
        if (total > count)
            listed[ImportFileRefused.Field] = [CatalogueErrors.ImportErrorsTruncated(count, total)];
        return new ValidationError(listed);
    }

    private static DateOnly? DateCell(CatalogueImportRow row, string column, Action<int, string, FieldMessage> fail)
    {
        var text = row[column];
        if (text.Length == 0)
            return null;
        if (DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var d))
            return d;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2_958_466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        fail(row.Row, column, CatalogueErrors.ImportDateInvalid(text));
        return null;
    }

    private static string ColumnOf(string field) => field switch
    {
        "name" => CatalogueColumns.Name,
        "bases" => CatalogueColumns.LawName,
        "delegation" => CatalogueColumns.DelegationDocument,
        "bodyIds" => CatalogueColumns.Bodies,
        _ => CatalogueColumns.Code,
    };

    private static int RowOf(string key) =>
        int.TryParse(key.AsSpan(5, key.IndexOf(']', StringComparison.Ordinal) - 5), CultureInfo.InvariantCulture, out var n) ? n : 0;

    private sealed record Draft(int Row, string Code, ItemContent Content, DateOnly? EffectiveFrom);
}
