using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Cases;
using Zhifa.Core.Records.UseCases;
using Zhifa.Web.Cases;

namespace Zhifa.Web.Records;

/// <summary>How a line of a document is set: the body's name, the document's title, its number, a labelled paragraph, the seal and date.</summary>
public enum DocumentLineStyle
{
    Body,
    Title,
    Number,
    Paragraph,
    Signature,
}

public sealed record DocumentLine(DocumentLineStyle Style, string Text, string? Item = null);

/// <summary>
/// The wording of a case's documents, line by line, from its data: the same lines make the DOCX and the printable page.
/// Documents are official Chinese documents: they are always worded in Chinese, whatever the reader's language. Each line
/// of the decision names the XZCF-59 item it carries (<see cref="DocumentLine.Item"/>).
/// </summary>
public static class DocumentText
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<DocumentLine> Lines(DocumentData d, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(l);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            return d.Kind == DocumentKind.PenaltyDecision ? Decision(d, l) : Generic(d, l);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static List<DocumentLine> Decision(DocumentData d, IStringLocalizer l)
    {
        string S(string key, params object[] args) => l[key, args].Value;
        var kinds = string.Join("、", d.Kinds.Select(k => l[$"enum.PenaltyKind.{k}"].Value));
        var penalty = d.Fine is { } fine && fine > 0 ? S("doc.decision.penalty_fine", kinds, CaseDisplay.Yuan(fine)) : S("doc.decision.penalty", kinds);
        var bases = d.Bases.Count == 0 ? S("doc.none") : string.Join("；", d.Bases.Select(b => $"《{b.LawName}》{b.Article}{b.Clause}"));
        var payee = d.PaymentBank is { } bank ? S("doc.decision.bank", bank, d.PaymentAccount ?? S("doc.none")) : S("doc.decision.bank_designated");
        var lines = new List<DocumentLine>
        {
            new(DocumentLineStyle.Body, d.BodyName),
            new(DocumentLineStyle.Title, l[$"enum.DocumentKind.{d.Kind}"].Value),
            new(DocumentLineStyle.Number, d.Number ?? ""),
            new(DocumentLineStyle.Paragraph, S("doc.party", d.PartyName), "party"),
        };
        if (d.PartyCode is { } code)
            lines.Add(new(DocumentLineStyle.Paragraph, S("doc.party_code", code), "party"));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.party_address", d.PartyAddress ?? S("doc.none")), "address"));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.decision.facts", d.Facts), "facts"));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.decision.evidence", d.Evidence.Count == 0 ? S("doc.decision.evidence_in_file") : string.Join("；", d.Evidence)), "evidence"));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.decision.basis", bases), "basis"));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.decision.explanation", d.Explanation ?? S("doc.none")), "explanation"));
        lines.Add(new(DocumentLineStyle.Paragraph, penalty, "penalty"));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.decision.payment", d.PaymentDays, payee,
            (d.SurchargeRatePerDay * 100).ToString("0.##", CultureInfo.InvariantCulture)), "payment"));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.decision.remedy", d.ReconsiderationDays, d.ReconsiderationAuthority, d.LitigationMonths, d.Court), "remedy"));
        lines.Add(new(DocumentLineStyle.Signature, S("doc.seal", d.BodyName), "body"));
        lines.Add(new(DocumentLineStyle.Signature, Date(d.On), "date"));
        return lines;
    }

    private static List<DocumentLine> Generic(DocumentData d, IStringLocalizer l)
    {
        string S(string key, params object[] args) => l[key, args].Value;
        var lines = new List<DocumentLine>
        {
            new(DocumentLineStyle.Body, d.BodyName),
            new(DocumentLineStyle.Title, l[$"enum.DocumentKind.{d.Kind}"].Value),
        };
        if (d.Number is { } number)
            lines.Add(new(DocumentLineStyle.Number, number));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.case", d.CaseNumber ?? S("doc.none"), d.CaseTitle)));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.party", d.PartyName)));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.party_address", d.PartyAddress ?? S("doc.none"))));
        lines.Add(new(DocumentLineStyle.Paragraph, S("doc.step", l[$"enum.CaseAction.{d.Step}"].Value, Date(d.On), d.ActorName)));
        if (d.Note is { } note)
            lines.Add(new(DocumentLineStyle.Paragraph, S("doc.note", note)));
        lines.Add(new(DocumentLineStyle.Signature, S("doc.seal", d.BodyName)));
        lines.Add(new(DocumentLineStyle.Signature, Date(d.On)));
        return lines;
    }

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
