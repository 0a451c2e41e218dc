using ScottPlot;

namespace Pif.Web.Infrastructure.Charts;

/// <summary>
/// A spine chart (ScottPlot, SVG): one row per indicator, each a bar from the worst council's figure (left) to the
/// best's (right) with the middle half of the councils shaded darker, a reference mark (Scotland) and the council's
/// figure as a marker, so a reader sees at once which figures sit near the worst end. Positions are given from 0
/// (worst) to 1 (best). Pages show it with a summary sentence and the table of figures.
/// </summary>
public static class SpineChart
{
    public sealed record Row(string Label, double Position, double? Reference, double MiddleFrom, double MiddleTo);

    public static string Svg(IReadOnlyList<Row> rows, string markerName, string referenceName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var grey = Color.FromHex("#d9d9d9");
        var middle = Color.FromHex("#b3b3b3");
        for (var i = 0; i < rows.Count; i++)
        {
            // Drawn top to bottom in the order given.
            double y = rows.Count - 1 - i;
            var whole = plot.Add.Rectangle(0, 1, y - 0.3, y + 0.3);
            whole.FillColor = grey;
            whole.LineColor = grey;
            var half = plot.Add.Rectangle(rows[i].MiddleFrom, rows[i].MiddleTo, y - 0.3, y + 0.3);
            half.FillColor = middle;
            half.LineColor = middle;
            if (rows[i].Reference is { } reference)
            {
                var mark = plot.Add.Line(reference, y - 0.4, reference, y + 0.4);
                mark.Color = Color.FromHex("#e5682a");
                mark.LineWidth = 3;
                mark.LegendText = i == 0 ? referenceName : "";
            }
        }

        var markers = plot.Add.ScatterPoints(rows.Select(r => r.Position).ToArray(), rows.Select((_, i) => (double)(rows.Count - 1 - i)).ToArray());
        markers.Color = Color.FromHex("#0065bd");
        markers.MarkerShape = MarkerShape.FilledDiamond;
        markers.MarkerSize = 12;
        markers.LegendText = markerName;

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. rows.Select((_, i) => (double)(rows.Count - 1 - i))], [.. rows.Select(r => r.Label)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1], ["Worst council", "Best council"]);
        plot.Axes.SetLimits(-0.05, 1.05, -0.7, Math.Max(rows.Count, 1) - 0.3);
        plot.XLabel("Where the figure sits between the councils' (the middle half of councils shaded darker)");
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot.GetSvgXml(760, 140 + (rows.Count * 34));
    }
}
