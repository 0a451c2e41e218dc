using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Pif.Web.Infrastructure.Documents;

/// <summary>
/// Writes a Word document (Open XML SDK) the way every Pif export needs it: Word's own style names (Title, Heading 1 to 3,
/// List Bullet, Caption), so the navigation pane shows the structure and a council restyles the whole document by
/// attaching its own template; tables whose header row repeats on each page and is marked as a header; pictures with
/// alternative text; and the line breaks people wrote kept as line breaks.
/// </summary>
public sealed class WordWriter
{
    private const int BulletList = 1;

    /// <summary>English Metric Units per pixel at 96 dots per inch.</summary>
    private const long EmuPerPixel = 9525;

    private readonly MainDocumentPart main;
    private readonly Body body;
    private uint pictures;

    private WordWriter(MainDocumentPart main, Body body) => (this.main, this.body) = (main, body);

    /// <summary>A whole document: <paramref name="write"/> adds its content in order.</summary>
    public static byte[] Create(string title, Action<WordWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = "Pif";
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);
            AddBulletNumbering(main);
            write(new WordWriter(main, body));
        }

        return stream.ToArray();
    }

    public void Title(string text) => body.Append(Paragraph(text, "Title"));

    /// <param name="level">1 to 3: Word's Heading 1 to Heading 3.</param>
    public void Heading(int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        body.Append(Paragraph(text, $"Heading{level}"));
    }

    public void Paragraph(string text) => body.Append(Paragraph(text, null));

    /// <summary>A label in bold followed by its text, for a term and its value.</summary>
    public void Labelled(string label, string text)
    {
        var paragraph = Paragraph(text, null);
        paragraph.InsertAfter(new Run(new RunProperties(new Bold()), new Text(label + ": ") { Space = SpaceProcessingModeValues.Preserve }), paragraph.ParagraphProperties);
        body.Append(paragraph);
    }

    /// <summary>A bulleted list in Word's List Bullet style; nothing when there are no items.</summary>
    public void Bullets(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            var paragraph = Paragraph(item, "ListBullet");
            paragraph.ParagraphProperties!.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList }));
            body.Append(paragraph);
        }
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new LeftBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 }, new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })),
            new TableGrid(headers.Select(_ => new GridColumn { Width = (9000 / headers.Count).ToString(CultureInfo.InvariantCulture) })));

        // The header row repeats on each page and is marked as a header for screen readers.
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(headers.Select(h => new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h))))));
        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(Paragraph(cell, null)))));
        }

        body.Append(table);
        // Word needs a paragraph between two tables, or it joins them.
        body.Append(new Paragraph());
    }

    /// <summary>A PNG picture, as wide as the page allows, with its alternative text for screen readers.</summary>
    public void Picture(byte[] png, int widthPixels, int heightPixels, string alternativeText)
    {
        ArgumentNullException.ThrowIfNull(png);
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
        {
            part.FeedData(stream);
        }

        // At most 6 inches wide (the text width of an A4 page with Word's margins), keeping the shape.
        var scale = Math.Min(1.0, 576.0 / widthPixels);
        var cx = (long)(widthPixels * scale * EmuPerPixel);
        var cy = (long)(heightPixels * scale * EmuPerPixel);
        var id = ++pictures;
        var name = $"Picture {id.ToString(CultureInfo.InvariantCulture)}";
        var inline = new Dw.Inline(
            new Dw.Extent { Cx = cx, Cy = cy },
            new Dw.DocProperties { Id = id, Name = name, Description = alternativeText },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = id, Name = name, Description = alternativeText }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        body.Append(new Paragraph(new Run(new Drawing(inline))));
    }

    /// <summary>A caption under a picture or table, in Word's Caption style.</summary>
    public void Caption(string text) => body.Append(Paragraph(text, "Caption"));

    public void PageBreak() => body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph(new ParagraphProperties());
        if (style is not null)
        {
            paragraph.ParagraphProperties!.Append(new ParagraphStyleId { Val = style });
        }

        var run = new Run();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>Word's built-in styles by their own ids and names, so a council's template replaces them.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "22" }, new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 40, 0),
            Heading("Heading1", "heading 1", 32, 1),
            Heading("Heading2", "heading 2", 26, 2),
            Heading("Heading3", "heading 3", 23, 3),
            new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }))
            { Type = StyleValues.Paragraph, StyleId = "ListBullet" },
            new Style(new StyleName { Val = "caption" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleRunProperties(new Italic(), new FontSize { Val = "20" }))
            { Type = StyleValues.Paragraph, StyleId = "Caption" },
            new Style(new StyleName { Val = "Table Grid" }, new PrimaryStyle()) { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private static Style Heading(string id, string name, int halfPoints, int level)
    {
        var properties = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = level <= 1 ? "360" : "240", After = "120" });
        if (level > 0)
        {
            properties.Append(new OutlineLevel { Val = level - 1 });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            properties,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static void AddBulletNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(new Level(
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
            { AbstractNumberId = BulletList },
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
    }
}
