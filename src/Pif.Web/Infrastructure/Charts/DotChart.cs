using ScottPlot;

namespace Pif.Web.Infrastructure.Charts;

/// <summary>
/// Every council's figure as a dot along one axis (ScottPlot, SVG), one group's dots drawn differently and a
/// reference line (Scotland), so a reader sees the spread and where a group sits without a ranking. Pages show it
/// with a one-sentence summary and the table of figures.
/// </summary>
public static class DotChart
{
    public static string Svg(IReadOnlyList<(double Value, bool Marked)> dots, double? reference, string markedName, string otherName, string referenceName, string xLabel, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(dots);
        ArgumentNullException.ThrowIfNull(format);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        foreach (var (marked, name, colour, shape) in new[]
        {
            (false, otherName, Color.FromHex("#5e5e5e"), MarkerShape.OpenCircle),
            (true, markedName, Color.FromHex("#0065bd"), MarkerShape.FilledDiamond),
        })
        {
            var these = dots.Where(d => d.Marked == marked).ToList();
            if (these.Count == 0)
            {
                continue;
            }

            // Dots of equal value would hide each other: each one steps up a little.
            var ys = these.Select((d, i) => (double)(i % 5)).ToArray();
            var points = plot.Add.ScatterPoints(these.Select(d => d.Value).ToArray(), ys);
            points.Color = colour;
            points.MarkerShape = shape;
            points.MarkerSize = 10;
            points.LegendText = name;
        }

        if (reference is { } scotland)
        {
            var line = plot.Add.VerticalLine(scotland);
            line.Color = Color.FromHex("#e5682a");
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 2;
            line.LegendText = referenceName;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([], []);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format };
        plot.Axes.SetLimitsY(-1, 5);
        plot.XLabel(xLabel);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot.GetSvgXml(720, 260);
    }
}
