using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>The annual pack's words, shared by its page and its Word document.</summary>
public static class AnnualPackWording
{
    /// <summary>The RAG columns of the plans' progress, in order; actions with no RAG yet are not counted.</summary>
    public static readonly IReadOnlyList<Rag> Rags = [Rag.Red, Rag.Amber, Rag.Green, Rag.Done];

    public static string Title(AnnualPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return $"{pack.Council}: annual pack {pack.YearLabel}";
    }

    /// <summary>A PDF asked for on a server without Chromium to print it.</summary>
    public const string PdfUnavailable = "PDFs cannot be made on this server because it has no Chromium to print them with. Print this page from your browser, choosing to save as PDF, or download the Word document.";

    public static string FileName(AnnualPack pack, string extension) => Infrastructure.Texts.FileName(Title(pack), extension);

    public static string NoSelfEvaluation(AnnualPack pack) => $"No self-evaluation of {pack?.Council} with a period starting in {pack?.YearLabel} that you can read.";

    public static string NoIndicators(AnnualPack pack) => $"Pif holds no figures of {pack?.Council} up to {pack?.YearLabel}.";

    /// <summary>In the funnel column, for an indicator without the counts a funnel needs (or a cost).</summary>
    public const string NoFunnel = "No funnel: no counts";

    public static string NoPlans(AnnualPack pack) => $"No approved improvement plan of {pack?.Council} covers {pack?.YearLabel} that you can read.";

    public static string NoCaseStudies(AnnualPack pack) => $"{pack?.Council} published no case study in {pack?.YearLabel}.";

    public static string NoOutcomes(AnnualPack pack) => $"No outcome agreement of {pack?.Council} covers {pack?.YearLabel} that you can read.";

    public static string Compared(GradeProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Previous is { } previous
            ? $"Changes are against {previous.Title}, the council's previous published self-evaluation, using the grades that stood: the validated grade where there is one."
            : "There is no previous published self-evaluation of the same framework and service areas to compare with.";
    }

    public static string Change(GradeChange? change) => change switch
    {
        GradeChange.Up => "Up",
        GradeChange.Down => "Down",
        GradeChange.Same => "Same",
        GradeChange.New => "New",
        _ => "No grade yet",
    };
}
