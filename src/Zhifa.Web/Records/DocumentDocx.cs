using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Zhifa.Web.Records;

/// <summary>A document's lines as an editable Word file (DOCX, OpenXML): A4, 仿宋/宋体 body, the title in 黑体, the seal's place marked.</summary>
public static class DocumentDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(IReadOnlyList<DocumentLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in lines)
                body.Append(Paragraph(line));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
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
