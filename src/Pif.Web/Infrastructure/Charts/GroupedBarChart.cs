using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pif.Web.Infrastructure.Charts;

/// <summary>
/// A grouped bar chart rendered to SVG on the server (ScottPlot): one group per category, one bar per
/// series. Pages show it as an image whose text alternative is a one-sentence summary, with the data
/// table beside it, so nothing is known only from the picture.
/// </summary>
public static class GroupedBarChart
{
    /// <summary>Colours from the design system that stay apart for the common colour-vision deficiencies.</summary>
    private static readonly Color[] Palette = [Color.FromHex("#0065bd"), Color.FromHex("#e5682a"), Color.FromHex("#5e5e5e")];

    /// <param name="categories">The labels under each group, such as QI codes.</param>
    /// <param name="series">Each series' name and its value per category (null for none).</param>
    /// <param name="yTicks">The value axis's ticks and their labels, such as the scale's levels.</param>
    public static string Svg(IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series,
        IReadOnlyList<(double Value, string Label)> yTicks, string xLabel, string yLabel)
    {
        using var plot = Build(categories, series, yTicks, xLabel, yLabel);
        var (width, height) = Size(categories.Count, series.Count);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>The same chart as a PNG, for Word documents, with its size in pixels.</summary>
    public static (byte[] Png, int Width, int Height) Png(IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series,
        IReadOnlyList<(double Value, string Label)> yTicks, string xLabel, string yLabel)
    {
        using var plot = Build(categories, series, yTicks, xLabel, yLabel);
        var (width, height) = Size(categories.Count, series.Count);
        return (plot.GetImageBytes(width, height, ImageFormat.Png), width, height);
    }

    private static (int Width, int Height) Size(int categories, int series) => (Math.Max(560, 160 + (categories * (series + 1) * 14)), 400);

    private static Plot Build(IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series,
        IReadOnlyList<(double Value, string Label)> yTicks, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(yTicks);
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var bars = new List<Bar>();
        var width = series.Count + 1;
        for (var s = 0; s < series.Count; s++)
        {
            for (var c = 0; c < categories.Count; c++)
            {
                if (series[s].Values[c] is { } value)
                {
                    bars.Add(new Bar { Position = (c * width) + s, Value = value, FillColor = Palette[s % Palette.Length], LineWidth = 0 });
                }
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = Palette[s % Palette.Length] });
        }

        plot.Add.Bars(bars);
        var middle = (series.Count - 1) / 2.0;
        plot.Axes.Bottom.TickGenerator = new NumericManual(categories.Select((_, c) => (c * width) + middle).ToArray(), categories.ToArray());
        plot.Axes.Left.TickGenerator = new NumericManual(yTicks.Select(t => t.Value).ToArray(), yTicks.Select(t => t.Label).ToArray());
        plot.Axes.SetLimits(-1, (categories.Count * width) - 1, 0, yTicks.Max(t => t.Value) + 0.5);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        // Below the chart, so the legend never hides a bar.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}
