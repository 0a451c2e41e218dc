using System.Globalization;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Documents;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>The annual pack as a Word document, section for section as its page reads, for the Chief Social Work Officer's report.</summary>
public static class AnnualPackDocx
{
    public static byte[] Write(AnnualPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var title = AnnualPackWording.Title(pack);
        return WordWriter.Create(title, word =>
        {
            word.Title(title);
            word.Heading(1, "Self-evaluation");
            if (pack.SelfEvaluation is not { } evaluation)
            {
                word.Paragraph(AnnualPackWording.NoSelfEvaluation(pack));
            }
            else
            {
                word.Labelled("Self-evaluation", $"{evaluation.Title} ({SelfEvaluationWording.State(evaluation.State)})");
                word.Paragraph(evaluation.Profile.Summary());
                word.Paragraph(AnnualPackWording.Compared(evaluation.Profile));
                var p = evaluation.Profile;
                word.Table(p.Previous is null ? ["Quality indicator", "This year"] : ["Quality indicator", "This year", "Previous", "Change"], p.Rows.Select(r => (IReadOnlyList<string>)(p.Previous is null
                    ? [$"{r.Code} {r.Title}", p.LevelName(r.Current)]
                    : [$"{r.Code} {r.Title}", p.LevelName(r.Current), r.Previous is null ? "Not graded" : p.LevelName(r.Previous), AnnualPackWording.Change(r.Change)])));
            }

            word.Heading(1, "Performance indicators");
            if (pack.Indicators.Count == 0)
            {
                word.Paragraph(AnnualPackWording.NoIndicators(pack));
            }
            else
            {
                word.Table(["Indicator", "Latest", "Previous", "Direction", "Variation", "Against every council"], pack.Indicators.Select(i => (IReadOnlyList<string>)
                    [$"{i.Code} {i.Title}", $"{i.Latest} in {i.LatestPeriod}", i.Previous is null ? "None" : $"{i.Previous} in {i.PreviousPeriod}", i.Direction ?? "Not known yet", i.Variation ?? "Too few figures",
                        i.Funnel ?? AnnualPackWording.NoFunnel]));
            }

            word.Heading(1, "Improvement plans");
            if (pack.Plans.Count == 0)
            {
                word.Paragraph(AnnualPackWording.NoPlans(pack));
            }
            else
            {
                word.Table(["Plan", "State", .. AnnualPackWording.Rags.Select(ImprovementPlanWording.Rag)], pack.Plans.Select(p => (IReadOnlyList<string>)
                    [p.Title, ImprovementPlanWording.State(p.State), .. AnnualPackWording.Rags.Select(r => p.ByRag[r].ToString(CultureInfo.InvariantCulture))]));
            }

            word.Heading(1, "Case studies published");
            if (pack.CaseStudies.Count == 0)
            {
                word.Paragraph(AnnualPackWording.NoCaseStudies(pack));
            }

            foreach (var study in pack.CaseStudies)
            {
                word.Heading(2, study.Title);
                word.Paragraph($"Published {Dates.LondonDate(study.PublishedAt)}. {study.Summary}");
            }

            word.Heading(1, "Outcomes");
            if (pack.Outcomes is not { } agreement)
            {
                word.Paragraph(AnnualPackWording.NoOutcomes(pack));
            }
            else
            {
                word.Paragraph($"{agreement.Title}: {OutcomeWording.State(agreement.State)}, {OutcomeInputs.YearLabel(agreement.FromYear)} to {OutcomeInputs.YearLabel(agreement.ToYear)}.");
                word.Table(["Local outcome", "Status"], agreement.Outcomes.Select(o => (IReadOnlyList<string>)[$"{o.Number}. {o.Title}", o.Status]));
            }
        });
    }
}
