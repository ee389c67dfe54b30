using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Zhifa.Web.Records;

/// <summary>
/// A document's lines as an editable Word file (DOCX, OpenXML): A4 on the grid of GB/T 9704 (三号 type, 28-point lines),
/// 仿宋 body, the title in 小标宋, the seal's place marked, and the page number in the footer — from
/// <paramref name="firstPage"/> on, the document's first page in its volume of the case file.
/// </summary>
public static class DocumentDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(IReadOnlyList<DocumentLine> lines, int firstPage = 1)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in lines)
                body.Append(Paragraph(line));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }), new SimpleField { Instruction = " PAGE " },
                new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
            footer.Footer.Save();
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 },
                new PageNumberType { Start = Math.Max(1, firstPage) }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(DocumentLine line)
    {
        var (justify, size, bold, font) = line.Style switch
        {
            DocumentLineStyle.Body => (JustificationValues.Center, 32, true, "黑体"),
            DocumentLineStyle.Title => (JustificationValues.Center, 44, true, "方正小标宋简体"),
            DocumentLineStyle.Number => (JustificationValues.Right, 32, false, "仿宋"),
            DocumentLineStyle.Signature => (JustificationValues.Right, 32, false, "仿宋"),
            _ => (JustificationValues.Both, 32, false, "仿宋"),
        };
        var runProperties = new RunProperties(new RunFonts { Ascii = font, EastAsia = font, HighAnsi = font }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
            runProperties.Append(new Bold());
        var paragraphProperties = new ParagraphProperties(new Justification { Val = justify }, new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (line.Style == DocumentLineStyle.Paragraph)
            paragraphProperties.Append(new Indentation { FirstLineChars = 200 });
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(line.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
