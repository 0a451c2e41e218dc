using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>A council's file of its own indicators: new codes join its catalogue, and each figure is added, revised or left.</summary>
public sealed partial class ImportPlan
{
    private async Task LocalAsync(AppDbContext db, ImportFile file, Guid importId, Guid councilId, bool tracked, CancellationToken cancellationToken)
    {
        var parsed = LocalFile.Parse(file);
        Problems.AddRange(parsed.Problems);
        var national = (await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null).Select(i => i.NormalisedCode).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var own = db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == councilId);
        var held = await (tracked ? own : own.AsNoTracking()).ToDictionaryAsync(i => i.NormalisedCode, StringComparer.Ordinal, cancellationToken);

        var indicators = new Dictionary<string, PerformanceIndicator>(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var entry in parsed.Entries)
        {
            var rows = parsed.Figures.Where(f => f.NormalisedCode == entry.NormalisedCode).Select(f => f.Row).ToList();
            if (national.Contains(entry.NormalisedCode))
            {
                Problems.AddRange(rows.Select(row => new ImportProblem(row, "Code", row == rows[0]
                    ? $"{entry.Code} is a national indicator: its figures come from the national files. Give your own indicator a code of its own. Its rows are skipped"
                    : $"{entry.Code} is a national indicator: the row is skipped")));
                continue;
            }

            if (held.TryGetValue(entry.NormalisedCode, out var indicator))
            {
                if ((entry.Title is { } title && title != indicator.Title) || (entry.Measure is { } measure && measure != indicator.MeasureType)
                    || (entry.Polarity is { } polarity && polarity != indicator.Polarity))
                {
                    // Tracked for a commit, so the caller's save writes the new description; a preview's copy is let go.
                    (indicator.Title, indicator.MeasureType, indicator.Polarity) = (entry.Title ?? indicator.Title, entry.Measure ?? indicator.MeasureType, entry.Polarity ?? indicator.Polarity);
                    indicator.ImportId = importId;
                    Notes.Add($"{indicator.Code} is now described as the file describes it: {indicator.Title}; {IndicatorWording.Measure(indicator.MeasureType).ToLowerInvariant()}; {IndicatorWording.Better(indicator.Polarity).ToLowerInvariant().TrimEnd('.')}.");
                }
            }
            else if (entry.Title is null)
            {
                Problems.AddRange(rows.Select(row => new ImportProblem(row, "Title", row == rows[0]
                    ? $"{entry.Code} is new to Pif: give its title in a Title column, so Pif can add it to your council's indicators. Its rows are skipped"
                    : $"{entry.Code} is new to Pif and has no title: the row is skipped")));
                continue;
            }
            else
            {
                indicator = new PerformanceIndicator
                {
                    Code = entry.Code,
                    NormalisedCode = entry.NormalisedCode,
                    Title = entry.Title,
                    Source = IndicatorSource.Local,
                    MeasureType = entry.Measure ?? MeasureType.Other,
                    Polarity = entry.Polarity ?? Polarity.Neither,
                    PeriodType = parsed.Figures.First(f => f.NormalisedCode == entry.NormalisedCode).Period is { } first && first.To > first.From + 1 ? PeriodType.MultiYearAggregate : PeriodType.FinancialYear,
                    OwnerOrganisationId = councilId,
                    ImportId = importId,
                };
                _newIndicators.Add(indicator);
                added.Add(indicator.Code);
            }

            indicators[entry.NormalisedCode] = indicator;
        }

        if (added.Count > 0)
        {
            Notes.Add($"{(added.Count == 1 ? "A new indicator joins" : $"{added.Count.ToString(CultureInfo.InvariantCulture)} new indicators join")} your council's own: {string.Join(", ", added)}.");
        }

        var ids = indicators.Values.Select(i => i.Id).ToList();
        var saved = (await db.IndicatorValues.Where(v => v.Current && v.OrganisationId == councilId && ids.Contains(v.IndicatorId))
                .Select(v => new { v.Id, v.IndicatorId, v.Period, v.Value, v.Numerator, v.Denominator }).ToListAsync(cancellationToken))
            .ToDictionary(v => (v.IndicatorId, v.Period), v => (v.Id, v.Value, v.Numerator, v.Denominator));
        foreach (var group in parsed.Figures.Where(f => indicators.ContainsKey(f.NormalisedCode)).GroupBy(f => f.NormalisedCode))
        {
            var indicator = indicators[group.Key];
            var factor = PercentageFactor(indicator, group.ToList());
            foreach (var f in group)
            {
                var value = f.Value is { } v && indicator.MeasureType == MeasureType.Percentage && !f.Fraction ? Math.Round(v * factor, 10) : f.Value;
                if (value < 0 && indicator.MeasureType is not (MeasureType.Score or MeasureType.Other or MeasureType.Percentage))
                {
                    Problems.Add(new(f.Row, "Value", $"{indicator.Code} counts {IndicatorWording.Measure(indicator.MeasureType).ToLowerInvariant()}, which cannot be below zero: the row is skipped"));
                    continue;
                }

                if (saved.TryGetValue((indicator.Id, f.Period.Text), out var was))
                {
                    if (was.Value == value && was.Numerator == f.Numerator && was.Denominator == f.Denominator)
                    {
                        Unchanged++;
                        continue;
                    }

                    _superseded.Add(was.Id);
                    Revised++;
                }
                else
                {
                    Added++;
                }

                _newValues.Add(new IndicatorValue
                {
                    IndicatorId = indicator.Id,
                    Area = ValueArea.Council,
                    OrganisationId = councilId,
                    Period = f.Period.Text,
                    FromYear = f.Period.From,
                    ToYear = f.Period.To,
                    Value = value,
                    Numerator = f.Numerator,
                    Denominator = f.Denominator,
                    ImportId = importId,
                });
            }
        }

        // A percentage is held as a fraction, as LGBF's are: plain figures whose median is over 1.5 are out of 100.
        double PercentageFactor(PerformanceIndicator indicator, List<LocalFile.Figure> figures)
        {
            var plain = figures.Where(f => !f.Fraction && f.Value is not null).Select(f => Math.Abs(f.Value!.Value)).Order().ToList();
            if (indicator.MeasureType != MeasureType.Percentage || plain.Count == 0 || plain[plain.Count / 2] <= 1.5)
            {
                return 1;
            }

            Notes.Add($"{indicator.Code}: the file gives percentages out of 100 (82 for 82 %), and Pif holds percentages as fractions, so they are divided by 100.");
            return 0.01;
        }
    }
}
