using System.Globalization;

namespace Zhifa.Core.Common;

/// <summary>One data row of an imported sheet: its row number in the sheet and its cells by column title.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Get(column);

    /// <summary>The cell under the first of <paramref name="titles"/> the sheet has (a Chinese title and its English alias).</summary>
    public string Get(params string[] titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        foreach (var t in titles)
            if (Values.TryGetValue(t, out var v))
                return v;
        return "";
    }

    /// <summary>A date typed as 2026-03-17 or stored by Excel as a serial number; null when empty, and <paramref name="valid"/> false when unreadable.</summary>
    public DateOnly? Date(out bool valid, params string[] titles)
    {
        var text = Get(titles);
        valid = true;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var d))
            return d;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2_958_466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        valid = false;
        return null;
    }
}
