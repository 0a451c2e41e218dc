using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>
/// An outcome agreement with its progress, for a committee paper or a spreadsheet: a Word document (Open XML SDK) with
/// each local outcome's thread, and a workbook (MiniExcel) with one sheet each for the outcomes, their indicators, their
/// links and their progress, so a council never copies the agreement out by hand.
/// </summary>
public static class AgreementExport
{
    public const string OutcomesSheet = "Local outcomes";
    public const string IndicatorsSheet = "Indicators";
    public const string LinksSheet = "Links";
    public const string ProgressSheet = "Progress";

    public static string FileName(AgreementView agreement, string extension)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var name = new string([.. $"{agreement.Council} {agreement.Title}".Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : ' ')]);
        return $"{string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries))}.{extension}";
    }

    public static async Task<byte[]> XlsxAsync(AgreementView agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var sheets = new Dictionary<string, object>
        {
            [OutcomesSheet] = agreement.Outcomes.Select(o => new Dictionary<string, object?>
            {
                ["Number"] = o.Number,
                ["Local outcome"] = o.Title,
                ["National outcomes"] = string.Join("; ", o.NationalOutcomes.Select(n => $"{n.Number}. {n.Title}")),
                ["Status"] = o.Summary(),
            }).ToList(),
            [IndicatorsSheet] = agreement.Outcomes.SelectMany(o => o.Indicators.Select(i => new Dictionary<string, object?>
            {
                ["Local outcome"] = o.Number,
                ["Code"] = i.Code,
                ["Indicator"] = i.Title,
                ["Baseline period"] = i.BaselinePeriod,
                ["Baseline"] = i.BaselineValue,
                ["Latest period"] = i.LatestPeriod,
                ["Latest"] = i.LatestValue,
                ["Since the baseline"] = i.Direction,
                ["Target"] = i.Target,
                ["Target status"] = i.TargetStatus?.ToString(),
            })).ToList(),
            [LinksSheet] = agreement.Outcomes.SelectMany(o =>
                o.Qis.Select(q => Link(o.Number, "Quality indicator", $"{q.Framework} {q.Code}", Grades(q)))
                    .Concat(o.Actions.Select(a => Link(o.Number, "Improvement action", $"Action {a.Number}: {a.Description}", $"{a.Plan}; {a.Rag}")))
                    .Concat(o.CaseStudies.Select(c => Link(o.Number, "Case study", c.Title, null)))).ToList(),
            [ProgressSheet] = agreement.Outcomes.SelectMany(o => o.Statements.Select(p => new Dictionary<string, object?>
            {
                ["Local outcome"] = o.Number,
                ["Year"] = OutcomeInputs.YearLabel(p.Year),
                ["Progress"] = p.Text,
            })).ToList(),
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Link(int outcome, string kind, string name, string? state) => new()
    {
        ["Local outcome"] = outcome,
        ["Kind"] = kind,
        ["Name"] = name,
        ["Current state"] = state,
    };

    private static string Grades(OutcomeThread.Qi q) =>
        $"Agreed: {(q.Agreed is { } a ? $"{a.ToString(CultureInfo.InvariantCulture)} in {q.AgreedIn}" : "not yet")}; validated: {(q.Validated is { } v ? $"{v.ToString(CultureInfo.InvariantCulture)} in {q.ValidatedIn}" : "not yet")}";

    public static byte[] Docx(AgreementView agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Paragraph(agreement.Title, "Title"));
            body.Append(Paragraph($"{agreement.Council}, {OutcomeInputs.YearLabel(agreement.FromYear)} to {OutcomeInputs.YearLabel(agreement.ToYear)}. {OutcomeWording.State(agreement.State)}. Mapped to the {agreement.SetTitle}."));
            foreach (var o in agreement.Outcomes)
            {
                body.Append(Paragraph($"{o.Number}. {o.Title}", "Heading1"));
                if (o.Description is { } description)
                {
                    body.Append(Paragraph(description));
                }

                body.Append(Paragraph($"National outcomes: {string.Join("; ", o.NationalOutcomes.Select(n => $"{n.Number}. {n.Title}"))}."));
                body.Append(Paragraph(o.Summary() + "."));
                if (o.Indicators.Count > 0)
                {
                    body.Append(Paragraph("Performance indicators", "Heading2"));
                    body.Append(Table(["Indicator", "Baseline", "Latest", "Since the baseline", "Target"], o.Indicators.Select(i => new[]
                    {
                        $"{i.Code} {i.Title}",
                        i.BaselineValue is { } b ? $"{b} in {i.BaselinePeriod}" : "No baseline given",
                        i.LatestValue is { } l ? $"{l} in {i.LatestPeriod}" : "No figure yet",
                        i.Direction ?? "Not known yet",
                        i.Target is { } t ? $"{t}{(i.TargetStatus is { } rag ? $" ({rag})" : "")}" : "No target",
                    })));
                }

                if (o.Qis.Count > 0)
                {
                    body.Append(Paragraph("Quality indicators", "Heading2"));
                    body.Append(Table(["Quality indicator", "Grades"], o.Qis.Select(q => new[] { $"{q.Framework} {q.Code}", Grades(q) })));
                }

                if (o.Actions.Count > 0)
                {
                    body.Append(Paragraph("Improvement actions", "Heading2"));
                    body.Append(Table(["Action", "Plan", "RAG"], o.Actions.Select(a => new[] { $"Action {a.Number}: {a.Description}", a.Plan, a.Rag.ToString() })));
                }

                if (o.CaseStudies.Count > 0)
                {
                    body.Append(Paragraph("Case studies", "Heading2"));
                    foreach (var study in o.CaseStudies)
                    {
                        body.Append(Paragraph(study.Title));
                    }
                }

                if (o.Statements.Count > 0)
                {
                    body.Append(Paragraph("Progress", "Heading2"));
                    foreach (var p in o.Statements)
                    {
                        body.Append(Paragraph($"{OutcomeInputs.YearLabel(p.Year)}: {p.Text}"));
                    }
                }
            }

            AddStyles(main);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        // Line breaks in what the council wrote stay line breaks in Word.
        var run = new Run();
        var lines = text.Split('\n');
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

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 }, new LeftBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 }, new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));

        // The header row repeats on each page and is marked as a header for screen readers.
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(headers.Select(h => new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h))))));
        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(Paragraph(cell)))));
        }

        return table;
    }

    /// <summary>The built-in heading styles, named so Word's navigation pane and screen readers see the structure.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Title", "Title", 36, 0),
            Style("Heading1", "heading 1", 28, 1),
            Style("Heading2", "heading 2", 24, 2));
    }

    private static Style Style(string id, string name, int halfPoints, int level)
    {
        var properties = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (level > 0)
        {
            properties.Append(new OutlineLevel { Val = level - 1 });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            properties,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
