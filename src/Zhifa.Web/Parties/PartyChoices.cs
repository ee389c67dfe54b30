using System.Text;

namespace Zhifa.Web.Parties;

/// <summary>Names the picker's elements after its form field.</summary>
public static class PartyChoices
{
    /// <summary>A field name as an element id: letters and digits kept, anything else as a hyphen (Form.PartyId → Form-PartyId).</summary>
    public static string IdOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var b = new StringBuilder(field.Length);
        foreach (var c in field)
            b.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return b.ToString();
    }
}
