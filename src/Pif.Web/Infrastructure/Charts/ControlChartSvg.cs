using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pif.Web.Infrastructure.Charts;

/// <summary>
/// A control chart or run chart on the server (ScottPlot, SVG): the figures as a line, the centre line, the limits
/// for each point (steps where they change with the denominator or a rebasing) and the points that signal drawn as
/// larger filled diamonds, so a signal does not rest on colour. Pages show it with a one-sentence finding and the
/// data table.
/// </summary>
public static class ControlChartSvg
{
    /// <param name="lower">Each point's lower limit; null on a run chart.</param>
    /// <param name="signals">Whether each point is part of a signal.</param>
    public static string Svg(
        IReadOnlyList<string> periods,
        IReadOnlyList<double> values,
        IReadOnlyList<double> centre,
        IReadOnlyList<double>? lower,
        IReadOnlyList<double>? upper,
        IReadOnlyList<bool> signals,
        (string Values, string Centre) names,
        string yLabel,
        Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(format);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var xs = Enumerable.Range(0, periods.Count).Select(i => (double)i).ToArray();

        var middle = plot.Add.ScatterLine(xs, centre.ToArray());
        middle.Color = Color.FromHex("#e5682a");
        middle.LineWidth = 2;
        middle.ConnectStyle = ConnectStyle.StepHorizontal;
        middle.LegendText = names.Centre;
        if (lower is not null && upper is not null)
        {
            foreach (var (limits, name) in new[] { (upper, "Control limits"), (lower, (string?)null) })
            {
                var line = plot.Add.ScatterLine(xs, limits.ToArray());
                line.Color = Color.FromHex("#5e5e5e");
                line.LinePattern = LinePattern.Dashed;
                line.LineWidth = 1.5f;
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                if (name is not null)
                {
                    line.LegendText = name;
                }
            }
        }

        var series = plot.Add.Scatter(xs, values.ToArray());
        series.Color = Color.FromHex("#0065bd");
        series.LineWidth = 2;
        series.MarkerShape = MarkerShape.FilledCircle;
        series.MarkerSize = 7;
        series.LegendText = names.Values;

        var signalled = Enumerable.Range(0, values.Count).Where(i => signals[i]).ToList();
        if (signalled.Count > 0)
        {
            var marks = plot.Add.ScatterPoints(signalled.Select(i => xs[i]).ToArray(), signalled.Select(i => values[i]).ToArray());
            marks.Color = Color.FromHex("#002d54");
            marks.MarkerShape = MarkerShape.FilledDiamond;
            marks.MarkerSize = 13;
            marks.LegendText = "Part of a signal";
        }

        var all = values.Concat(centre).Concat(lower ?? []).Concat(upper ?? []).ToList();
        var (low, high) = (all.Min(), all.Max());
        var margin = high == low ? 1 : (high - low) * 0.08;
        plot.Axes.SetLimits(-0.5, Math.Max(0.5, periods.Count - 0.5), low - margin, high + margin);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = format };
        plot.Axes.Bottom.TickGenerator = new NumericManual(xs, periods.ToArray());
        plot.XLabel("Period");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot.GetSvgXml(Math.Max(640, 120 + (periods.Count * 60)), 420);
    }
}
