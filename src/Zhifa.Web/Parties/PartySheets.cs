using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Parties;

namespace Zhifa.Web.Parties;

/// <summary>The party list as Excel, headed in the user's language; the words an import accepts in either language.</summary>
internal static class PartySheets
{
    public static byte[] Export(IEnumerable<PartyView> rows, IStringLocalizer l) => Xlsx.Write("parties",
        [l["party.kind"], l["party.name"], l["party.credit_code"], l["party.id_number"], l["party.legal_representative"], l["party.address"],
         l["party.industry"], l["party.credit_grade"], l["party.phone"], l["party.region"], l["party.risk_tags"]],
        rows.Select(r => (IReadOnlyList<string?>)[l[$"enum.PartyKind.{r.Kind}"], r.Name, r.CreditCode, r.IdNumberMasked, r.LegalRepresentative, r.Address,
            r.Industry is { } i ? l[$"enum.IndustrySection.{i}"].Value : null, r.CreditGrade is { } g ? l[$"enum.CreditGrade.{g}"].Value : null, r.PhoneMasked, r.RegionName, r.RiskTags]));

    /// <summary>Kinds and industries by their names in Chinese and in English, by the enum's own name, and an industry by its letter.</summary>
    public static PartyImportNames ImportNames(IStringLocalizer l)
    {
        var kinds = new Dictionary<string, PartyKind>(StringComparer.OrdinalIgnoreCase);
        var industries = new Dictionary<string, IndustrySection>(StringComparer.OrdinalIgnoreCase);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var c in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en") })
            {
                CultureInfo.CurrentUICulture = c;
                foreach (var k in Enum.GetValues<PartyKind>())
                    kinds.TryAdd(l[$"enum.PartyKind.{k}"].Value, k);
                foreach (var s in Enum.GetValues<IndustrySection>())
                {
                    var name = l[$"enum.IndustrySection.{s}"].Value;
                    industries.TryAdd(name, s);
                    // "C 制造业": the name without its letter too.
                    if (name.Length > 2 && name[1] == ' ')
                        industries.TryAdd(name[2..], s);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        foreach (var k in Enum.GetValues<PartyKind>())
            kinds.TryAdd(k.ToString(), k);
        foreach (var s in Enum.GetValues<IndustrySection>())
            industries.TryAdd(s.ToString(), s);
        return new PartyImportNames(kinds, industries);
    }
}
