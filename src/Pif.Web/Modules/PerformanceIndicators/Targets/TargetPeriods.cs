using System.Globalization;

namespace Pif.Web.Modules.PerformanceIndicators.Targets;

/// <summary>The periods a council is offered to set a target or write a commentary for: its latest figures' and the next ones.</summary>
public static class TargetPeriods
{
    /// <summary>
    /// The latest two periods the council has figures for and the three after the last, written as the figures write
    /// them (2024-25, 2019-23, 2019-2023, 2024); with no figures yet, this financial year and the two after it.
    /// </summary>
    public static IReadOnlyList<string> Offered(IndicatorSeries series, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(series);
        var held = series.Points.Where(p => p.Council is not null).ToList();
        if (held.Count == 0)
        {
            var year = today.Month >= 4 ? today.Year : today.Year - 1;
            return [.. Enumerable.Range(year, 3).Select(y => string.Create(CultureInfo.InvariantCulture, $"{y}-{(y + 1) % 100:00}"))];
        }

        var last = held[^1];
        var span = last.ToYear - last.FromYear;

        // The next periods step as the council's figures do: yearly, or every other year for a biennial figure.
        var step = held.Count > 1 ? Math.Max(1, held.Zip(held.Skip(1), (a, b) => b.FromYear - a.FromYear).Min()) : 1;
        var shortEnd = last.Period.Length == 7;
        var next = Enumerable.Range(1, 3).Select(n => last.FromYear + (n * step))
            .Select(from => span == 0 ? from.ToString(CultureInfo.InvariantCulture)
                : shortEnd ? string.Create(CultureInfo.InvariantCulture, $"{from}-{(from + span) % 100:00}")
                : string.Create(CultureInfo.InvariantCulture, $"{from}-{from + span}"));
        return [.. held.TakeLast(2).Select(p => p.Period).Concat(next)];
    }
}
