using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Discretion;

namespace Zhifa.Web.Cases;

/// <summary>A lead's form as posted (案源登记): text as typed, so that a refused post shows it again.</summary>
public sealed class LeadForm
{
    public string? Source { get; set; }
    public string? PartyId { get; set; }
    public string? Title { get; set; }
    public string? Facts { get; set; }
    public string? ActOn { get; set; }
    public string? DiscoveredOn { get; set; }
    public string? ItemId { get; set; }
    public bool SeriousHarm { get; set; }

    public RegisterLeadRequest ToRequest() => new(
        null, Enum.TryParse<LeadSource>(Source, out var s) && Enum.IsDefined(s) ? s : null, Guid.TryParse(PartyId, out var p) ? p : null,
        Title, Facts, StepForm.Date(ActOn), StepForm.Date(DiscoveredOn), SeriousHarm, Guid.TryParse(ItemId, out var i) ? i : null);
}

/// <summary>An on-the-spot decision's form as posted (简易程序): text as typed.</summary>
public sealed class OnSpotForm
{
    public string? PartyId { get; set; }
    public string? FormNumber { get; set; }
    public string? Title { get; set; }
    public string? Facts { get; set; }
    public bool Warning { get; set; }
    public bool Fine { get; set; }
    public string? FineAmount { get; set; }
    public bool Collected { get; set; }
    public string? ReceiptNumber { get; set; }

    public OnSpotRequest ToRequest()
    {
        List<PenaltyKind> kinds = [];
        if (Warning)
            kinds.Add(PenaltyKind.Warning);
        if (Fine)
            kinds.Add(PenaltyKind.Fine);
        var fine = Fine ? StepForm.Money(FineAmount) : null;
        return new(Guid.TryParse(PartyId, out var p) ? p : null, FormNumber, Title, Facts, kinds, fine, null,
            Collected && fine is > 0 ? fine : null, Collected ? ReceiptNumber : null);
    }
}
