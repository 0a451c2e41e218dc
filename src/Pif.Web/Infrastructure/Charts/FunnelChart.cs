using ScottPlot;

namespace Pif.Web.Infrastructure.Charts;

/// <summary>How a unit is drawn on a funnel plot.</summary>
public enum FunnelMark
{
    Other,
    FamilyGroup,
    Chosen,
}

/// <summary>
/// A funnel plot on the server (ScottPlot, SVG): each unit's figure against its denominator, the target as a line
/// and the limits at about 95 % (dashed) and 99.8 % (solid) narrowing as the denominator grows. The chosen council
/// and its family group are drawn in their own shapes, so they stand out without colour. Pages show it with a
/// one-sentence finding and the data table.
/// </summary>
public static class FunnelChart
{
    /// <param name="points">Each unit's denominator, figure and mark.</param>
    /// <param name="curve">The limits along the denominators: denominator, lower 95, upper 95, lower 99.8, upper 99.8.</param>
    public static string Svg(
        IReadOnlyList<(double Denominator, double Value, FunnelMark Mark)> points,
        IReadOnlyList<(double Denominator, double Lower95, double Upper95, double Lower998, double Upper998)> curve,
        double target,
        (string Other, string FamilyGroup, string Chosen) names,
        string xLabel,
        string yLabel,
        Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(format);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var xs = curve.Select(c => c.Denominator).ToArray();
        foreach (var (values, pattern, name) in new[]
        {
            (curve.Select(c => c.Upper998).ToArray(), LinePattern.Solid, "99.8% limits"),
            (curve.Select(c => c.Lower998).ToArray(), LinePattern.Solid, (string?)null),
            (curve.Select(c => c.Upper95).ToArray(), LinePattern.Dashed, "95% limits"),
            (curve.Select(c => c.Lower95).ToArray(), LinePattern.Dashed, null),
        })
        {
            var line = plot.Add.ScatterLine(xs, values);
            line.Color = Color.FromHex("#5e5e5e");
            line.LinePattern = pattern;
            line.LineWidth = 1.5f;
            if (name is not null)
            {
                line.LegendText = name;
            }
        }

        var centre = plot.Add.HorizontalLine(target);
        centre.Color = Color.FromHex("#e5682a");
        centre.LineWidth = 2;
        centre.LegendText = "Scotland";

        foreach (var (mark, name, colour, shape, size) in new[]
        {
            (FunnelMark.Other, names.Other, Color.FromHex("#5e5e5e"), MarkerShape.OpenCircle, 8f),
            (FunnelMark.FamilyGroup, names.FamilyGroup, Color.FromHex("#0065bd"), MarkerShape.FilledCircle, 9f),
            (FunnelMark.Chosen, names.Chosen, Color.FromHex("#002d54"), MarkerShape.FilledDiamond, 13f),
        })
        {
            var these = points.Where(p => p.Mark == mark).ToList();
            if (these.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.ScatterPoints(these.Select(p => p.Denominator).ToArray(), these.Select(p => p.Value).ToArray());
            scatter.Color = colour;
            scatter.MarkerShape = shape;
            scatter.MarkerSize = size;
            scatter.LegendText = name;
        }

        var low = Math.Min(points.Min(p => p.Value), curve.Min(c => c.Lower998));
        var high = Math.Max(points.Max(p => p.Value), curve.Max(c => c.Upper998));
        var margin = (high - low) * 0.05;
        plot.Axes.SetLimits(0, xs.Max() * 1.05, low - margin, high + margin);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,##0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) };
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot.GetSvgXml(760, 460);
    }
}
