using Zhifa.Core.Parties;

namespace Zhifa.Web.Parties;

/// <summary>How party values look: the same colour for the same meaning everywhere (UX.md).</summary>
public static class PartyDisplay
{
    /// <summary>A grade's tag: A green, B blue, C orange, D and E red.</summary>
    public static string Tone(CreditGrade grade) => grade switch
    {
        CreditGrade.A => "green",
        CreditGrade.B => "blue",
        CreditGrade.C => "orange",
        _ => "red",
    };
}
