using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Cases;
using Zhifa.Core.Discretion;
using Zhifa.Core.Records;
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
/// The wording of a case's documents, line by line, from its data and a template (the body's, in force when the step was
/// taken, or the default of the Records resources): the same lines make the DOCX and the printable page. Each line of the
/// template is a paragraph; <c>{{当事人}}</c> and the other placeholders (<see cref="DocumentPlaceholders"/>) are filled from
/// the case; a line whose placeholders are all empty is left out (no "统一社会信用代码：" for a person). A line that is only
/// the body's name, the title or the number is set as such; a line with the seal or only the date is the signature.
/// Documents are official Chinese documents: they are always worded in Chinese, whatever the reader's language. Each line
/// names the XZCF-59 item it carries (<see cref="DocumentLine.Item"/>).
/// </summary>
public static class DocumentText
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly Dictionary<string, string> Items = new(StringComparer.Ordinal)
    {
        [DocumentPlaceholders.Party] = "party", [DocumentPlaceholders.PartyCode] = "party", [DocumentPlaceholders.Address] = "address",
        [DocumentPlaceholders.Facts] = "facts", [DocumentPlaceholders.Evidence] = "evidence", [DocumentPlaceholders.Basis] = "basis",
        [DocumentPlaceholders.Explanation] = "explanation", [DocumentPlaceholders.Penalty] = "penalty", [DocumentPlaceholders.PaymentDays] = "payment",
        [DocumentPlaceholders.Payee] = "payment", [DocumentPlaceholders.SurchargeRate] = "payment", [DocumentPlaceholders.ReconsiderationDays] = "remedy",
        [DocumentPlaceholders.ReconsiderationAuthority] = "remedy", [DocumentPlaceholders.LitigationMonths] = "remedy", [DocumentPlaceholders.Court] = "remedy",
        [DocumentPlaceholders.Seal] = "body", [DocumentPlaceholders.Date] = "date",
    };

    public static IReadOnlyList<DocumentLine> Lines(DocumentData d, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(l);
        return InChinese(() => Render(d.Template ?? Default(d.Kind, l), Values(d, l)));
    }

    /// <summary>The default wording of a kind (the decision's own; every other kind shares the general one).</summary>
    public static string Default(DocumentKind kind, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return InChinese(() => l[kind == DocumentKind.PenaltyDecision ? "doc.template.decision" : "doc.template.general"].Value);
    }

    /// <summary>A template with each placeholder shown as 【name】: what an administrator sees before saving.</summary>
    public static IReadOnlyList<DocumentLine> Preview(string template) =>
        Render(template, DocumentPlaceholders.All.ToDictionary(p => p, p => $"【{p}】", StringComparer.Ordinal), keepEmpty: true);

    public static IReadOnlyList<DocumentLine> Render(string template, IReadOnlyDictionary<string, string> values, bool keepEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var lines = new List<DocumentLine>();
        foreach (var raw in template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            var used = DocumentPlaceholders.In(line);
            if (!keepEmpty && used.Count > 0 && used.All(p => string.IsNullOrEmpty(values.GetValueOrDefault(p))))
                continue;
            var text = DocumentPlaceholders.Pattern().Replace(line, m => values.GetValueOrDefault(m.Groups[1].Value.Trim()) ?? m.Value);
            var style = line switch
            {
                "{{" + DocumentPlaceholders.Body + "}}" => DocumentLineStyle.Body,
                "{{" + DocumentPlaceholders.Title + "}}" => DocumentLineStyle.Title,
                "{{" + DocumentPlaceholders.Number + "}}" => DocumentLineStyle.Number,
                "{{" + DocumentPlaceholders.Date + "}}" => DocumentLineStyle.Signature,
                _ when used.Contains(DocumentPlaceholders.Seal) => DocumentLineStyle.Signature,
                _ => DocumentLineStyle.Paragraph,
            };
            lines.Add(new DocumentLine(style, text, used.Select(p => Items.GetValueOrDefault(p)).FirstOrDefault(i => i is not null)));
        }
        return lines;
    }

    /// <summary>The value of every placeholder for a document of the case (empty where the case has none).</summary>
    public static IReadOnlyDictionary<string, string> Values(DocumentData d, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(l);
        return InChinese(() =>
        {
            var none = l["doc.none"].Value;
            var penalty = string.Join("、", d.Kinds.Select(k => k == PenaltyKind.Fine && d.Fine is { } fine && fine > 0
                ? l["doc.fine", CaseDisplay.Yuan(fine)].Value : l[$"enum.PenaltyKind.{k}"].Value));
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [DocumentPlaceholders.Body] = d.BodyName,
                [DocumentPlaceholders.Title] = l[$"enum.DocumentKind.{d.Kind}"].Value,
                [DocumentPlaceholders.Number] = d.Number ?? "",
                [DocumentPlaceholders.CaseNumber] = d.CaseNumber ?? none,
                [DocumentPlaceholders.CaseTitle] = d.CaseTitle,
                [DocumentPlaceholders.Party] = d.PartyName,
                [DocumentPlaceholders.PartyCode] = d.PartyCode ?? "",
                [DocumentPlaceholders.Address] = d.PartyAddress ?? none,
                [DocumentPlaceholders.Facts] = d.Facts,
                [DocumentPlaceholders.Evidence] = d.Evidence.Count == 0 ? l["doc.decision.evidence_in_file"].Value : string.Join("；", d.Evidence),
                [DocumentPlaceholders.Basis] = d.Bases.Count == 0 ? none : string.Join("；", d.Bases.Select(b => $"《{b.LawName}》{b.Article}{b.Clause}")),
                [DocumentPlaceholders.Explanation] = d.Explanation ?? none,
                [DocumentPlaceholders.Penalty] = penalty.Length == 0 ? none : penalty,
                [DocumentPlaceholders.PaymentDays] = d.PaymentDays.ToString(CultureInfo.InvariantCulture),
                [DocumentPlaceholders.Payee] = d.PaymentBank is { } bank ? l["doc.decision.bank", bank, d.PaymentAccount ?? none].Value : l["doc.decision.bank_designated"].Value,
                [DocumentPlaceholders.SurchargeRate] = (d.SurchargeRatePerDay * 100).ToString("0.##", CultureInfo.InvariantCulture),
                [DocumentPlaceholders.ReconsiderationDays] = d.ReconsiderationDays.ToString(CultureInfo.InvariantCulture),
                [DocumentPlaceholders.ReconsiderationAuthority] = d.ReconsiderationAuthority,
                [DocumentPlaceholders.LitigationMonths] = d.LitigationMonths.ToString(CultureInfo.InvariantCulture),
                [DocumentPlaceholders.Court] = d.Court,
                [DocumentPlaceholders.Step] = l[$"enum.CaseAction.{d.Step}"].Value,
                [DocumentPlaceholders.Date] = Date(d.On),
                [DocumentPlaceholders.Actor] = d.ActorName,
                [DocumentPlaceholders.Officers] = string.Join("、", d.Officers),
                [DocumentPlaceholders.Note] = d.Note ?? "",
                [DocumentPlaceholders.Seal] = l["doc.seal", d.BodyName].Value,
            };
        });
    }

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private static T InChinese<T>(Func<T> make)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            return make();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>The default wording of each kind, from the Records resources.</summary>
public sealed class ResourceDocumentText(IStringLocalizer<Zhifa.Web.Resources.Ui> l) : IDefaultDocumentText
{
    public string For(DocumentKind kind) => DocumentText.Default(kind, l);
}
