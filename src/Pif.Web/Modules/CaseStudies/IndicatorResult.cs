using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// A performance indicator a case study says the work moved, with the periods before and after when the author gives
/// them: typed as "SW01", or "SW01 2016-17 to 2021-22", and checked against the catalogue and the council's figures.
/// </summary>
internal sealed record IndicatorResult(Guid Id, string? Before, string? After)
{
    private const int CodeMaxLength = 32;

    /// <summary>The indicators the text names, or problems on the field saying what to fix.</summary>
    public static async Task<List<IndicatorResult>> CheckAsync(
        AppDbContext db, UserAccess actor, Guid organisationId, string? text, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var results = new List<IndicatorResult>();
        var entries = (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length > CaseStudyInput.MaxIndicators)
        {
            problems.Add(new("Indicators", $"Enter up to {CaseStudyInput.MaxIndicators} indicator codes"));
            return results;
        }

        var unknown = new List<string>();
        foreach (var entry in entries)
        {
            if (!TrySplit(entry, out var code, out var before, out var after))
            {
                problems.Add(new("Indicators", $"Write the periods of {Shortened(code)} as the period before, then \"to\", then the period after, such as {Shortened(code)} 2016-17 to 2021-22"));
                continue;
            }

            var indicator = code.Length <= CodeMaxLength ? await PerformanceIndicatorAccess.FindAsync(db, actor, code, cancellationToken) : null;
            if (indicator is null || (indicator.OwnerOrganisationId is { } owner && owner != organisationId))
            {
                unknown.Add(Shortened(code));
                continue;
            }

            if (results.Any(r => r.Id == indicator.Id))
            {
                problems.Add(new("Indicators", $"{indicator.Code} is named twice: name each indicator once"));
                continue;
            }

            if (before is null)
            {
                results.Add(new(indicator.Id, null, null));
            }
            else if (await PeriodsAsync(db, indicator, organisationId, before, after!, problems, cancellationToken) is { } periods)
            {
                results.Add(new(indicator.Id, periods.Before, periods.After));
            }
        }

        if (unknown.Count > 0)
        {
            problems.Add(new("Indicators", $"There is no performance indicator {string.Join(", ", unknown)} in the catalogue: check the code, such as SW01"));
        }

        return results;
    }

    /// <summary>Splits "SW 01 2016-17 to 2021-22" into the code and its periods; false when the periods are not written that way.</summary>
    internal static bool TrySplit(string entry, out string code, out string? before, out string? after)
    {
        var words = entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(words, LooksLikePeriod);

        // A code never starts with a year, so the first word that does starts the periods.
        code = string.Join(' ', first < 0 ? words : words[..first]);
        before = after = null;
        if (first < 0)
        {
            return true;
        }

        if (first == 0 || words.Length != first + 3 || !words[first + 1].Equals("to", StringComparison.OrdinalIgnoreCase) || !LooksLikePeriod(words[first + 2]))
        {
            code = first == 0 ? entry : code;
            return false;
        }

        before = words[first].Replace('/', '-');
        after = words[first + 2].Replace('/', '-');
        return true;
    }

    private static bool LooksLikePeriod(string word) =>
        word.Length is >= 4 and <= CaseStudyIndicator.PeriodMaxLength && word[..4].All(char.IsAsciiDigit) && word.All(c => char.IsAsciiDigit(c) || c is '-' or '/');

    /// <summary>The two periods as the figures name them, when the council has a figure for both, the before one first; if not, says what it has.</summary>
    private static async Task<(string Before, string After)?> PeriodsAsync(
        AppDbContext db, PerformanceIndicator indicator, Guid organisationId, string before, string after, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var periods = await CouncilPeriods.LoadAsync(db, indicator.Id, organisationId, cancellationToken);
        if (periods.Find(before) is not { } from)
        {
            problems.Add(new("Indicators", periods.Missing(indicator.Code, before, "give its code without periods")));
            return null;
        }

        if (periods.Find(after) is not { } to)
        {
            problems.Add(new("Indicators", periods.Missing(indicator.Code, after, "give its code without periods")));
            return null;
        }

        if (from.FromYear >= to.FromYear)
        {
            problems.Add(new("Indicators", $"For {indicator.Code}, the period before ({before}) must come earlier than the period after ({after})"));
            return null;
        }

        return (from.Period, to.Period);
    }

    private static string Shortened(string code) => code.Length > CodeMaxLength ? code[..CodeMaxLength] + "…" : code;
}
