using System.Globalization;
using Zhifa.Core.Parties;

namespace Zhifa.Web.Parties;

/// <summary>A party form as posted: text as typed, so that a refused post shows it again.</summary>
public sealed class PartyForm
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? CreditCode { get; set; }
    public string? IdNumber { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Address { get; set; }
    public string? Industry { get; set; }
    public string? CreditGrade { get; set; }
    public string? Phone { get; set; }
    public string? RegionId { get; set; }
    public string? RiskTags { get; set; }
    public string? Version { get; set; }

    public PartyRequest ToRequest() => new(
        Enum.TryParse<PartyKind>(Kind, out var k) && Enum.IsDefined(k) ? k : PartyKind.Enterprise, Name,
        Guid.TryParse(RegionId, out var r) ? r : Guid.Empty, CreditCode, LegalRepresentative, Address,
        Enum.TryParse<IndustrySection>(Industry, out var i) && Enum.IsDefined(i) ? i : null,
        Enum.TryParse<CreditGrade>(CreditGrade, out var g) && Enum.IsDefined(g) ? g : null, Phone, IdNumber, RiskTags);

    /// <summary>The form of an existing party: its values, its version; the ID number left empty (it stays unless retyped).</summary>
    public static PartyForm Of(PartyView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Kind = p.Kind.ToString(), Name = p.Name, CreditCode = p.CreditCode, LegalRepresentative = p.LegalRepresentative, Address = p.Address,
            Industry = p.Industry?.ToString(), CreditGrade = p.CreditGrade?.ToString(), RegionId = p.RegionId.ToString(),
            RiskTags = p.RiskTags,
            Version = p.Version.ToString(CultureInfo.InvariantCulture),
        };
    }
}
