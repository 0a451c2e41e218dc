using System.Globalization;
using MiniExcelLibs;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Documents;
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
        return Texts.FileName($"{agreement.Council} {agreement.Title}", extension);
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
        return WordWriter.Create(agreement.Title, word =>
        {
            word.Title(agreement.Title);
            word.Paragraph($"{agreement.Council}, {OutcomeInputs.YearLabel(agreement.FromYear)} to {OutcomeInputs.YearLabel(agreement.ToYear)}. {OutcomeWording.State(agreement.State)}. Mapped to the {agreement.SetTitle}.");
            foreach (var o in agreement.Outcomes)
            {
                word.Heading(1, $"{o.Number}. {o.Title}");
                if (o.Description is { } description)
                {
                    word.Paragraph(description);
                }

                word.Paragraph($"National outcomes: {string.Join("; ", o.NationalOutcomes.Select(n => $"{n.Number}. {n.Title}"))}.");
                word.Paragraph(o.Summary() + ".");
                if (o.Indicators.Count > 0)
                {
                    word.Heading(2, "Performance indicators");
                    word.Table(["Indicator", "Baseline", "Latest", "Since the baseline", "Target"], o.Indicators.Select(i => new[]
                    {
                        $"{i.Code} {i.Title}",
                        i.BaselineValue is { } b ? $"{b} in {i.BaselinePeriod}" : "No baseline given",
                        i.LatestValue is { } l ? $"{l} in {i.LatestPeriod}" : "No figure yet",
                        i.Direction ?? "Not known yet",
                        i.Target is { } t ? $"{t}{(i.TargetStatus is { } rag ? $" ({rag})" : "")}" : "No target",
                    }));
                }

                if (o.Qis.Count > 0)
                {
                    word.Heading(2, "Quality indicators");
                    word.Table(["Quality indicator", "Grades"], o.Qis.Select(q => new[] { $"{q.Framework} {q.Code}", Grades(q) }));
                }

                if (o.Actions.Count > 0)
                {
                    word.Heading(2, "Improvement actions");
                    word.Table(["Action", "Plan", "RAG"], o.Actions.Select(a => new[] { $"Action {a.Number}: {a.Description}", a.Plan, a.Rag.ToString() }));
                }

                if (o.CaseStudies.Count > 0)
                {
                    word.Heading(2, "Case studies");
                    foreach (var study in o.CaseStudies)
                    {
                        word.Paragraph(study.Title);
                    }
                }

                if (o.Statements.Count > 0)
                {
                    word.Heading(2, "Progress");
                    foreach (var p in o.Statements)
                    {
                        word.Paragraph($"{OutcomeInputs.YearLabel(p.Year)}: {p.Text}");
                    }
                }
            }
        });
    }
}
