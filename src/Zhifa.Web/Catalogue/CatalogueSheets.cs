using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Web.Common;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Catalogue;

/// <summary>The catalogue as an Excel sheet: export in the reader's language, import in either.</summary>
public static class CatalogueSheets
{
    /// <summary>The title of a catalogue column in the current language.</summary>
    public static string Title(IStringLocalizer l, string column)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l["catalogue.col." + column];
    }

    /// <summary>One row per legal basis; kinds and levels in their statutory Chinese names, so that the sheet imports again in either language.</summary>
    public static byte[] Catalogue(IStringLocalizer l, IEnumerable<(CatalogueItem Item, CatalogueItemVersion Version, string OwnerName, IReadOnlyList<string> BodyNames)> rows)
    {
        static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var lines = new List<IReadOnlyList<string?>>();
        foreach (var (item, v, _, bodies) in rows)
        {
            var bases = v.Bases.Count == 0 ? [null] : v.Bases.Select(b => (LegalBasis?)b).ToList();
            foreach (var b in bases)
            {
                lines.Add([item.Code, v.Name, CatalogueColumns.KindNames[v.Kind], b?.LawName, b?.Article, b?.Clause, b?.Text,
                    string.Join("、", bodies), CatalogueColumns.LevelNames[v.SettingLevel], v.Delegation?.Document, Date(v.Delegation?.DelegatedOn),
                    Date(v.Delegation?.EvaluationDueOn), v.WasPublished ? Date(v.EffectiveFrom) : ""]);
            }
        }
        return Xlsx.Write(l["catalogue.sheet"], [.. CatalogueColumns.All.Select(c => Title(l, c))], lines);
    }

    /// <summary>Reads an uploaded sheet whose header row uses the column titles of either language; or why the file is refused.</summary>
    /// <summary>The filtered clean-up findings, one row per finding, in the list's order.</summary>
    public static byte[] Findings(IStringLocalizer l, CleanupResult result)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(result);
        string[] header = [l["cat.finding_kind"], l["cat.code"], l["cat.name"], l["cat.owner"], l["cat.finding_detail"], l["cat.finding_date"], l["cat.finding_basis"]];
        var rows = result.Findings.Select(f => (IReadOnlyList<string?>)
        [
            Display.Enum(l, f.Kind), f.ItemCode, f.ItemName, f.Owner.Name, l[f.ReasonCode], f.Date is { } d ? Display.Date(d) : "",
            f.Basis is { } b ? $"《{b.LawName}》{b.Article}{b.Clause} · {string.Join("、", f.OtherItems.Select(o => o.Name))}" : "",
        ]);
        return Xlsx.Write(l["nav.catalogue_cleanup"], header, rows);
    }

    public static Result<IReadOnlyList<CatalogueImportRow>> Read(WorkbookReader reader, Stream stream, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var read = reader.Read(stream);
        if (!read.IsSuccess)
            return read.Error;
        var rows = read.Value;
        var byTitle = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var current = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in HostSetup.SupportedCultures)
            {
                CultureInfo.CurrentUICulture = culture;
                foreach (var column in CatalogueColumns.All)
                    byTitle[Title(l, column)] = column;
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
        foreach (var column in CatalogueColumns.All)
            byTitle[column] = column;
        return rows.Select(r => new CatalogueImportRow(r.Number,
            r.Values.Where(v => byTitle.ContainsKey(v.Key)).GroupBy(v => byTitle[v.Key]).ToDictionary(g => g.Key, g => g.First().Value))).ToList();
    }
}
