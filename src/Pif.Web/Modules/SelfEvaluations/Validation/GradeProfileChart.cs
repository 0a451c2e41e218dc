using Pif.Web.Infrastructure.Charts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>The grade profile's bar chart (agreed and validated grade per QI), as SVG for pages and PDFs and as PNG for Word.</summary>
public static class GradeProfileChart
{
    public const string AlternativeText = "Bar chart of agreed and validated grades by quality indicator, summarised above; the table below holds its data";

    public static string Svg(GradeProfile profile)
    {
        var (categories, series, ticks) = Data(profile);
        return GroupedBarChart.Svg(categories, series, ticks, "Quality indicator", "Grade");
    }

    public static (byte[] Png, int Width, int Height) Png(GradeProfile profile)
    {
        var (categories, series, ticks) = Data(profile);
        return GroupedBarChart.Png(categories, series, ticks, "Quality indicator", "Grade");
    }

    private static (List<string>, List<(string, IReadOnlyList<double?>)>, List<(double, string)>) Data(GradeProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rows = profile.Rows;
        return (rows.Select(r => r.Code).ToList(),
            [("Agreed by the council", rows.Select(r => (double?)r.Agreed).ToList()), ("Validated by the link inspector", rows.Select(r => (double?)r.Validated).ToList())],
            profile.Levels.Select(l => ((double)l.Value, $"{l.Value} {l.Label}")).ToList());
    }
}
