using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pif.Web.Infrastructure.Charts;

/// <summary>
/// Series over time as lines on the server (ScottPlot, SVG): each series with its own colour, line pattern and
/// marker, so they stay apart without colour. Pages show it as an image whose text alternative is a one-sentence
/// summary, with the data table beside it.
/// </summary>
public static class LineChart
{
    private static readonly (Color Colour, LinePattern Pattern, MarkerShape Marker)[] Styles =
    [
        (Color.FromHex("#0065bd"), LinePattern.Solid, MarkerShape.FilledCircle),
        (Color.FromHex("#e5682a"), LinePattern.Dashed, MarkerShape.FilledSquare),
        (Color.FromHex("#5e5e5e"), LinePattern.Dotted, MarkerShape.FilledTriangleUp),
    ];

    /// <param name="periods">The labels along the bottom, in order.</param>
    /// <param name="series">Each series' name and its value per period (null for none: the line breaks there).</param>
    /// <param name="format">How a value is written on the axis.</param>
    /// <param name="xLabel">What the labels along the bottom are.</param>
    /// <param name="yRange">The values' whole range (a scale's lowest and highest level), when it is known; else from zero to the highest value.</param>
    public static string Svg(IReadOnlyList<string> periods, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, string yLabel, Func<double, string> format,
        string xLabel = "Period", (double Low, double High)? yRange = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(format);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        for (var s = 0; s < series.Count; s++)
        {
            var style = Styles[s % Styles.Length];

            // A gap in the data is a gap in the line: each run of periods with a value is a line of its own.
            var runs = new List<List<(double X, double Y)>>();
            for (var p = 0; p < periods.Count; p++)
            {
                if (series[s].Values[p] is not { } value)
                {
                    continue;
                }

                if (p == 0 || series[s].Values[p - 1] is null || runs.Count == 0)
                {
                    runs.Add([]);
                }

                runs[^1].Add((p, value));
            }

            for (var r = 0; r < runs.Count; r++)
            {
                var line = plot.Add.Scatter(runs[r].Select(v => v.X).ToArray(), runs[r].Select(v => v.Y).ToArray());
                line.Color = style.Colour;
                line.LinePattern = style.Pattern;
                line.LineWidth = 2;
                line.MarkerShape = style.Marker;
                line.MarkerSize = 7;
                if (r == 0)
                {
                    line.LegendText = series[s].Name;
                }
            }
        }

        var values = series.SelectMany(s => s.Values).OfType<double>().ToList();
        var low = yRange?.Low ?? (values.Count == 0 ? 0 : Math.Min(0, values.Min()));
        var high = yRange?.High ?? (values.Count == 0 ? 1 : values.Max());
        var ticks = new NumericAutomatic { LabelFormatter = format };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Bottom.TickGenerator = new NumericManual(periods.Select((_, p) => (double)p).ToArray(), periods.ToArray());
        plot.Axes.SetLimits(-0.5, Math.Max(0.5, periods.Count - 0.5), low, high + ((high - low) * 0.1) + (high == low ? 1 : 0));
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot.GetSvgXml(Math.Max(560, 120 + (periods.Count * 60)), 400);
    }
}
