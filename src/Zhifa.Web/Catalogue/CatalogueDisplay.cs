using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using Zhifa.Web.Common;

namespace Zhifa.Web.Catalogue;

/// <summary>How the catalogue's values are shown: amounts with separators, dates, state colours; refusals by field.</summary>
public static class CatalogueDisplay
{
    /// <summary>Messages of a refused action by field, a rule violation naming its rule (“CLJZ-LEVEL：…”).</summary>
    public static Dictionary<string, string[]> Errors(IStringLocalizer l, Zhifa.Core.Common.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var messages = Problems.FieldMessages(l, error);
        return error is Zhifa.Core.Common.RuleViolation rule
            ? messages.ToDictionary(m => m.Key, m => m.Value.Select(v => $"{rule.RuleId}：{v}").ToArray())
            : messages;
    }

    public static string Amount(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Grey draft, blue in review, green published, red returned; ended versions grey.</summary>
    public static string Tone(VersionState state) => state switch
    {
        VersionState.Submitted or VersionState.Approved => "blue",
        VersionState.Returned => "red",
        VersionState.Published => "green",
        _ => "grey",
    };
}
