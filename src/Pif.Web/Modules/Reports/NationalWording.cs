using System.Globalization;

namespace Pif.Web.Modules.Reports;

/// <summary>The national overview's words, shared by its page and its workbook.</summary>
public static class NationalWording
{
    /// <summary>How a link inspector moved a council's grade, in words: "Lowered by 1 level", "Agreed", "Raised by 2 levels".</summary>
    public static string Move(int difference) => difference switch
    {
        0 => "Agreed",
        < 0 => $"Lowered by {Levels(-difference)}",
        _ => $"Raised by {Levels(difference)}",
    };

    public const string MeanAgreed = "Mean agreed grade";

    public const string MeanValidated = "Mean validated grade";

    /// <summary>
    /// The trend chart in one sentence (its text alternative): how the mean agreed and validated grades moved from the
    /// first cycle to the last, or what one cycle holds.
    /// </summary>
    public static string Trend(IReadOnlyList<NationalOverview.Cycle> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        if (cycles.Count == 0)
        {
            return "No cycle has a validated self-evaluation yet.";
        }

        var (first, last) = (cycles[0], cycles[^1]);
        if (cycles.Count == 1)
        {
            return $"One cycle so far, {first.Label}: {Mean(first.MeanAgreed)} agreed and {Mean(first.MeanValidated)} validated, on average, over {Count(first.SelfEvaluations)}.";
        }

        return $"Over {cycles.Count} cycles, from {first.Label} to {last.Label}, the mean agreed grade went from {Mean(first.MeanAgreed)} to {Mean(last.MeanAgreed)}"
            + $" and the mean validated grade from {Mean(first.MeanValidated)} to {Mean(last.MeanValidated)}.";
    }

    private static string Mean(double? grade) => grade is { } g ? g.ToString("0.00", CultureInfo.InvariantCulture) : "none";

    private static string Count(int n) => n == 1 ? "1 self-evaluation" : $"{n} self-evaluations";

    private static string Levels(int n) => n == 1 ? "1 level" : $"{n} levels";
}
