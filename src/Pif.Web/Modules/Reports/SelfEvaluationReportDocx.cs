using System.Globalization;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Documents;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>
/// The self-evaluation report as a Word document, section for section as the HTML report reads: real headings for the
/// navigation pane, tables with header rows, the grade profile chart as a picture with its text alternative, and Word's
/// own style names so a council restyles it with its template.
/// </summary>
public static class SelfEvaluationReportDocx
{
    public static byte[] Write(SelfEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Cover;
        return WordWriter.Create(c.Title, word =>
        {
            word.Title(c.Title);
            word.Paragraph(ReportWording.Subtitle(report));
            word.Labelled("Council", c.Council);
            word.Labelled("Period", ReportWording.Period(c));
            word.Labelled("Framework", ReportWording.Framework(c));
            word.Labelled("State", c.StateName);
            if (!report.IncludesWorking)
            {
                word.Paragraph(ReportWording.WithoutWorking);
            }

            Method(word, report);
            word.Heading(1, "Quality indicators");
            foreach (var qi in report.Qis)
            {
                Qi(word, report, qi);
            }

            Profile(word, report);
            if (report.Validation is { } validation)
            {
                Validation(word, report, validation);
            }

            word.Heading(1, "Evidence index");
            if (report.Evidence.Count == 0)
            {
                word.Paragraph("No evidence is linked to its quality indicators.");
            }
            else
            {
                word.Table(["Evidence", "Kind", "Family", "Period", "Supports"], report.Evidence.Select(e => (IReadOnlyList<string>)
                    [e.Title, e.KindName, e.FamilyName, ReportWording.Period(e.From, e.To), string.Join(", ", e.Qis)]));
            }
        });
    }

    private static void Method(WordWriter word, SelfEvaluationReport report)
    {
        var m = report.Method;
        word.Heading(1, "Method");
        word.Labelled("Scope", ReportWording.Scope(m));
        word.Labelled("Led by", m.Lead);
        if (report.IncludesWorking)
        {
            word.Labelled("Contributors", m.Contributors.Count == 0 ? "None assigned" : string.Join(", ", m.Contributors));
        }

        word.Labelled("Link inspector", m.LinkInspector ?? "None assigned");
        word.Heading(2, "Dates");
        word.Table(["Step", "When"], m.Dates.Select(d => (IReadOnlyList<string>)[d.Step, Dates.LondonTime(d.At)])
            .Append(["Due to be submitted", Dates.Written(m.DueDate)]));
        word.Heading(2, "Evidence used, by family");
        word.Table(["Family of evidence", "Items"], m.EvidenceByFamily.Select(f => (IReadOnlyList<string>)[f.Family, f.Items.ToString(CultureInfo.InvariantCulture)]));
    }

    private static void Qi(WordWriter word, SelfEvaluationReport report, SelfEvaluationReport.QiPart qi)
    {
        word.Heading(2, $"{qi.Code} {qi.Title}");
        if (qi.Agreed is not { } a)
        {
            word.Paragraph(ReportWording.NotAgreed);
        }
        else
        {
            word.Heading(3, ReportWording.HowAreWeDoing);
            word.Paragraph(a.HowAreWeDoing ?? ReportWording.NotWritten);
            word.Heading(3, ReportWording.HowDoWeKnow);
            word.Paragraph(a.HowDoWeKnow ?? ReportWording.NotWritten);
            word.Heading(3, ReportWording.WhatNext);
            word.Paragraph(a.WhatNext ?? ReportWording.NotWritten);
            word.Heading(3, "Strengths");
            Items(word, a.Strengths);
            word.Heading(3, "Areas for improvement");
            Items(word, a.AreasForImprovement);
        }

        word.Heading(3, "Grades");
        foreach (var (label, value) in ReportWording.Grades(report, qi))
        {
            word.Labelled(label, value);
        }

        if (qi.Thread.Count > 0)
        {
            word.Heading(3, "Support and challenge");
            foreach (var comment in qi.Thread)
            {
                word.Labelled($"{comment.KindName} from {comment.Author}, {Dates.LondonTime(comment.At)}", comment.Text);
            }
        }
    }

    private static void Items(WordWriter word, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            word.Paragraph("None");
        }

        word.Bullets(items);
    }

    private static void Profile(WordWriter word, SelfEvaluationReport report)
    {
        var p = report.Profile;
        word.Heading(1, "Grade profile and agreement");
        foreach (var (label, value) in ReportWording.Agreement(p))
        {
            word.Labelled(label, value);
        }

        word.Paragraph(p.Summary());
        var (png, width, height) = GradeProfileChart.Png(p);
        word.Picture(png, width, height, GradeProfileChart.AlternativeText);
        word.Caption("Agreed and validated grades by quality indicator");
        word.Table(["Quality indicator", "Agreed by the council", "Validated by the link inspector"],
            p.Rows.Select(r => (IReadOnlyList<string>)[$"{r.Code} {r.Title}", p.LevelName(r.Agreed), r.Validated is null ? ReportWording.NoDecision : p.LevelName(r.Validated)]));
    }

    private static void Validation(WordWriter word, SelfEvaluationReport report, SelfEvaluationReport.ValidationPart v)
    {
        word.Heading(1, "Validation summary");
        word.Heading(2, ReportWording.ValidationStrengths);
        word.Paragraph(v.Strengths ?? ReportWording.NotWritten);
        word.Heading(2, ReportWording.ValidationImprovements);
        word.Paragraph(v.Improvements ?? ReportWording.NotWritten);
        word.Heading(2, ReportWording.ChangedGrades);
        if (v.Changed.Count == 0)
        {
            word.Paragraph(ReportWording.NoneChanged);
        }

        word.Bullets(v.Changed.Select(q => ReportWording.Changed(report, q)));
    }
}
