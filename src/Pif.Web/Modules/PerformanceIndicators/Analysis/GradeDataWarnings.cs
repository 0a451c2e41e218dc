using Microsoft.EntityFrameworkCore;
using Pif.Statistics.Funnels;
using Pif.Statistics.Spc;
using Pif.Web.Data;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>
/// Warns a lead, before the link inspector does, when a grade contradicts the data: a grade of 5 or 6 on a linked
/// indicator beyond the worse 99.8 % funnel limit, or with special-cause concern in its last three figures; a grade
/// of 1 or 2 on an indicator that improved beyond chance in each of its last three. A warning is a question to
/// answer in the evidence, never a block.
/// </summary>
public static class GradeDataWarnings
{
    /// <summary>How many of the latest figures a control chart's signals are looked for in.</summary>
    public const int Latest = 3;

    /// <summary>
    /// The warnings for one QI's grades (the agreed grade once there is one, else the proposed ones), against the
    /// indicators linked to it and those its evidence points to (<paramref name="evidenced"/>, by code).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ForQiAsync(AppDbContext db, Guid councilId, string frameworkCode, string qiCode, IReadOnlyList<int> grades,
        IReadOnlyList<string> evidenced, CancellationToken cancellationToken)
    {
        var all = await ForEvaluationAsync(db, councilId, frameworkCode, new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal) { [qiCode] = grades },
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [qiCode] = evidenced }, cancellationToken);
        return all.TryGetValue(qiCode, out var warnings) ? warnings : [];
    }

    /// <summary>
    /// The warnings for each QI of a self-evaluation, by QI code (a QI with none is left out), against the indicators
    /// linked to each QI and those its evidence points to (<paramref name="evidenced"/>: QI code to indicator codes).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ForEvaluationAsync(
        AppDbContext db, Guid councilId, string frameworkCode, IReadOnlyDictionary<string, IReadOnlyList<int>> grades,
        IReadOnlyDictionary<string, IReadOnlyList<string>> evidenced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidenced);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grades);
        var questioned = grades.Where(g => Questioned(g.Value)).Select(g => g.Key).ToList();
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (questioned.Count == 0)
        {
            return found;
        }

        var linked = await db.QiIndicatorLinks.Where(l => l.FrameworkCode == frameworkCode && questioned.Contains(l.QiCode))
            .Join(db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null), l => l.IndicatorId, i => i.Id, (l, i) => new { l.QiCode, Indicator = i })
            .ToListAsync(cancellationToken);

        // Evidence may point to a national indicator or to one of the council's own.
        var pointed = questioned.SelectMany(q => (evidenced.TryGetValue(q, out var codes) ? codes : []).Select(c => (Qi: q, Code: IndicatorCodes.Normalise(c)))).ToList();
        var codes = pointed.Select(p => p.Code).Distinct().ToList();
        var byCode = codes.Count == 0 ? [] : await db.PerformanceIndicators
            .Where(i => codes.Contains(i.NormalisedCode) && (i.OwnerOrganisationId == null || i.OwnerOrganisationId == councilId)).ToListAsync(cancellationToken);
        var links = linked.Select(l => (l.QiCode, l.Indicator))
            .Concat(pointed.SelectMany(p => byCode.Where(i => i.NormalisedCode == p.Code).OrderBy(i => i.OwnerOrganisationId is not null).Take(1).Select(i => (QiCode: p.Qi, Indicator: i))))
            .DistinctBy(l => (l.QiCode, l.Indicator.Id)).ToList();
        if (links.Count == 0)
        {
            return found;
        }

        var council = await db.Organisations.Where(o => o.Id == councilId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? "The council";
        var data = new Dictionary<Guid, (FunnelFigure? Funnel, IndicatorSpc? Spc)>();
        foreach (var link in links.OrderBy(l => l.Indicator.Code, StringComparer.Ordinal))
        {
            if (!data.TryGetValue(link.Indicator.Id, out var figures))
            {
                figures = (await FunnelFigureAsync(db, link.Indicator, councilId, cancellationToken),
                    (await IndicatorSpc.LoadAsync(db, link.Indicator, councilId, null, null, SpcChart.Auto, null, cancellationToken)).Spc);
                data[link.Indicator.Id] = figures;
            }

            var warnings = Judge(grades[link.QiCode], link.Indicator, council, figures.Funnel, figures.Spc).ToList();
            if (warnings.Count > 0)
            {
                found[link.QiCode] = [.. (found.TryGetValue(link.QiCode, out var earlier) ? earlier : []), .. warnings];
            }
        }

        return found;
    }

    /// <summary>Whether the data could question these grades at all: only a grade of 5 or 6, or of 1 or 2, is asked about.</summary>
    public static bool Questioned(IReadOnlyList<int> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        return grades.Any(g => g >= 5 || g <= 2);
    }

    /// <summary>A council's place on an indicator's latest funnel, with the figure as the indicator shows it.</summary>
    public sealed record FunnelFigure(string Period, FunnelPoint Point, double Shown);

    /// <summary>What the data says against the grades: each warning as a sentence.</summary>
    public static IEnumerable<string> Judge(IReadOnlyList<int> grades, PerformanceIndicator indicator, string council, FunnelFigure? funnel, IndicatorSpc? spc)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.Polarity == Polarity.Neither || grades.Count == 0)
        {
            yield break;
        }

        var worse = indicator.Polarity == Polarity.HigherIsBetter ? Side.Low : Side.High;
        var latest = spc?.Control?.Points.TakeLast(Latest).ToList() ?? [];
        var periods = latest.Count == 0 ? "" : $"{spc!.Periods[latest[0].Index].Period} to {spc.Periods[latest[^1].Index].Period}";
        if (grades.Max() >= 5)
        {
            var grade = grades.Max();
            if (funnel is { } f && f.Point.Outside998 && f.Point.Side == worse)
            {
                yield return $"A grade of {grade}, but {council}'s {indicator.Code} for {f.Period} ({IndicatorSeries.Format(indicator, f.Shown)}) is beyond the 99.8% funnel limit on the worse side: further from Scotland's figure than chance allows.";
            }

            if (latest.Any(p => p.Signals.Any(s => s.Side == worse)))
            {
                yield return $"A grade of {grade}, but {indicator.Code}'s control chart shows special-cause concern among its last {Latest} figures ({periods}).";
            }
        }

        if (grades.Min() <= 2 && latest.Count == Latest && latest.All(p => p.Signals.Any(s => s.Side != worse)))
        {
            yield return $"A grade of {grades.Min()}, but {indicator.Code}'s control chart shows special-cause improvement in each of its last {Latest} figures ({periods}).";
        }
    }

    private static async Task<FunnelFigure?> FunnelFigureAsync(AppDbContext db, PerformanceIndicator indicator, Guid councilId, CancellationToken cancellationToken)
    {
        var funnel = await IndicatorFunnel.LoadAsync(db, indicator, null, OverdispersionAdjustment.Additive, cancellationToken);
        if (funnel?.Result is not { } result)
        {
            return null;
        }

        var index = funnel.Councils.ToList().FindIndex(c => c.Id == councilId);
        return index < 0 ? null : new FunnelFigure(funnel.Period, result.Points[index], funnel.Shown(result.Points[index].Value));
    }
}
