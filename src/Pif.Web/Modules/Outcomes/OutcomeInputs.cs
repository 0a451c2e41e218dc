using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;

namespace Pif.Web.Modules.Outcomes;

/// <summary>An agreement's title, the years it covers, and the set of national outcomes it maps to.</summary>
public sealed record AgreementInput(string? Title, int? FromYear, int? ToYear, Guid? OutcomeSetId);

/// <summary>
/// A local outcome as the form sends it: national outcomes by number, indicators as codes typed (each with its
/// baseline period if the council gives one: "SW01 2023-24"), QIs as "framework|QI" keys, and actions and case
/// studies from the lists offered.
/// </summary>
public sealed record LocalOutcomeInput(
    string? Title,
    string? Description,
    IReadOnlyCollection<int> National,
    string? Indicators,
    IReadOnlyCollection<string> Qis,
    IReadOnlyCollection<Guid> Actions,
    IReadOnlyCollection<Guid> CaseStudies)
{
    public const int MaxIndicators = 20;
    public const int MaxLinks = 30;
}

internal static class OutcomeInputs
{
    public static async Task<List<FieldProblem>> CheckAsync(AppDbContext db, AgreementInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (Texts.Clean(input.Title) is not { } title)
        {
            problems.Add(new("Title", "Enter a title, such as Local Outcomes Improvement Plan 2024 to 2027"));
        }
        else if (Texts.Exceeds(title, OutcomeAgreement.TitleMaxLength))
        {
            problems.Add(new("Title", $"The title must be {OutcomeAgreement.TitleMaxLength} characters or fewer"));
        }

        if (input.FromYear is not { } from || from is < 2000 or > 2100)
        {
            problems.Add(new("FromYear", "Enter the first year the agreement covers, such as 2024"));
        }
        else if (input.ToYear is not { } to || to < from || to > from + 20)
        {
            problems.Add(new("ToYear", "Enter the last year the agreement covers: the first year or later, and within 20 years of it"));
        }

        if (input.OutcomeSetId is not { } set || !await db.OutcomeSets.AnyAsync(s => s.Id == set, cancellationToken))
        {
            problems.Add(new("OutcomeSetId", "Choose the set of national outcomes the agreement maps to"));
        }

        return problems;
    }

    /// <summary>Checks a local outcome's words and links against the agreement's set, the catalogue and what the council owns; says on each field what to fix.</summary>
    public static async Task<(LocalOutcomeLinks? Links, List<FieldProblem> Problems)> CheckAsync(
        AppDbContext db, UserAccess actor, OutcomeAgreement agreement, LocalOutcomeInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var title = Texts.Clean(input.Title);
        if (title is null)
        {
            problems.Add(new("Title", "Enter the outcome, such as Older people live independently at home for longer"));
        }
        else if (Texts.Exceeds(title, LocalOutcome.TitleMaxLength))
        {
            problems.Add(new("Title", $"The outcome must be {LocalOutcome.TitleMaxLength} characters or fewer"));
        }

        if (Texts.Exceeds(Texts.Clean(input.Description), LocalOutcome.DescriptionMaxLength))
        {
            problems.Add(new("Description", $"The description must be {LocalOutcome.DescriptionMaxLength:N0} characters or fewer"));
        }

        var set = await db.OutcomeSets.Where(s => s.Id == agreement.OutcomeSetId).Select(s => new { s.Title, Outcomes = s.Outcomes.Select(o => new { o.Id, o.Number }).ToList() }).SingleAsync(cancellationToken);
        var national = new List<Guid>();
        if (input.National.Count == 0)
        {
            problems.Add(new("National", $"Choose at least one national outcome of the {set.Title} that this outcome serves"));
        }
        else if (input.National.Any(n => set.Outcomes.All(o => o.Number != n)))
        {
            problems.Add(new("National", $"Choose national outcomes from the {set.Title}"));
        }
        else
        {
            national = [.. set.Outcomes.Where(o => input.National.Contains(o.Number)).Select(o => o.Id)];
        }

        var indicators = await IndicatorsAsync(db, actor, agreement.OrganisationId, input.Indicators, problems, cancellationToken);

        var qis = new List<(string, string)>();
        if (input.Qis.Count > LocalOutcomeInput.MaxLinks)
        {
            problems.Add(new("Qis", $"Choose up to {LocalOutcomeInput.MaxLinks} quality indicators"));
        }
        else if (input.Qis.Count > 0)
        {
            var offered = (await QiIndicatorLinksService.OfferedAsync(db, cancellationToken)).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
            if (input.Qis.Any(k => !offered.Contains(k)))
            {
                problems.Add(new("Qis", "Choose quality indicators from the list"));
            }
            else
            {
                qis = [.. input.Qis.Distinct(StringComparer.Ordinal).Select(k => k.Split('|')).Select(p => (p[0], p[1]))];
            }
        }

        var actions = input.Actions.Distinct().ToList();
        if (actions.Count > LocalOutcomeInput.MaxLinks)
        {
            problems.Add(new("Actions", $"Choose up to {LocalOutcomeInput.MaxLinks} actions"));
        }
        else if (actions.Count > 0 && await ImprovementPlanAccess.CouncilActions(db, actor, agreement.OrganisationId).CountAsync(a => actions.Contains(a.Id), cancellationToken) != actions.Count)
        {
            problems.Add(new("Actions", "Choose actions from the list of your council's improvement plans"));
        }

        var studies = input.CaseStudies.Distinct().ToList();
        if (studies.Count > LocalOutcomeInput.MaxLinks)
        {
            problems.Add(new("CaseStudies", $"Choose up to {LocalOutcomeInput.MaxLinks} case studies"));
        }
        else if (studies.Count > 0 && await CaseStudyAccess.Visible(db, actor).CountAsync(c => studies.Contains(c.Id) && c.OrganisationId == agreement.OrganisationId && !c.IsDemonstration, cancellationToken) != studies.Count)
        {
            problems.Add(new("CaseStudies", "Choose case studies from the list of your council's case studies"));
        }

        return problems.Count > 0 ? (null, problems) : (new LocalOutcomeLinks(title!, Texts.Clean(input.Description), national, indicators, qis, actions, studies), problems);
    }

    /// <summary>"SW01, SW07 2023-24": codes from the catalogue the council sees, each with a baseline period the council has a figure for.</summary>
    private static async Task<List<(Guid Id, string? Baseline)>> IndicatorsAsync(
        AppDbContext db, UserAccess actor, Guid councilId, string? text, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var results = new List<(Guid, string?)>();
        var entries = (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length > LocalOutcomeInput.MaxIndicators)
        {
            problems.Add(new("Indicators", $"Enter up to {LocalOutcomeInput.MaxIndicators} indicator codes"));
            return results;
        }

        var unknown = new List<string>();
        foreach (var entry in entries)
        {
            var words = entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var baseline = words.Length > 1 && words[^1].Length >= 4 && words[^1][..4].All(char.IsAsciiDigit) ? words[^1].Replace('/', '-') : null;
            var code = string.Join(' ', baseline is null ? words : words[..^1]);
            var indicator = code.Length <= 32 ? await PerformanceIndicatorAccess.FindAsync(db, actor, code, cancellationToken) : null;
            if (indicator is null || (indicator.OwnerOrganisationId is { } owner && owner != councilId))
            {
                unknown.Add(code.Length > 32 ? code[..32] + "…" : code);
                continue;
            }

            if (results.Any(r => r.Item1 == indicator.Id))
            {
                problems.Add(new("Indicators", $"{indicator.Code} is named twice: name each indicator once"));
                continue;
            }

            if (baseline is not null)
            {
                var periods = await CouncilPeriods.LoadAsync(db, indicator.Id, councilId, cancellationToken);
                if (periods.Find(baseline) is not { } found)
                {
                    problems.Add(new("Indicators", periods.Missing(indicator.Code, baseline, "give its code without a baseline period")));
                    continue;
                }

                baseline = found.Period;
            }

            results.Add((indicator.Id, baseline));
        }

        if (unknown.Count > 0)
        {
            problems.Add(new("Indicators", $"There is no performance indicator {string.Join(", ", unknown)} in the catalogue: check the code, such as SW01"));
        }

        return results;
    }

    public static string YearLabel(int year) => $"{year.ToString(CultureInfo.InvariantCulture)}-{((year + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";
}

/// <summary>A local outcome's checked words and links, ready to write.</summary>
internal sealed record LocalOutcomeLinks(
    string Title, string? Description, IReadOnlyList<Guid> National, IReadOnlyList<(Guid Id, string? Baseline)> Indicators,
    IReadOnlyList<(string Framework, string Qi)> Qis, IReadOnlyList<Guid> Actions, IReadOnlyList<Guid> CaseStudies)
{
    public void WriteInto(LocalOutcome outcome)
    {
        outcome.Title = Title;
        outcome.Description = Description;
        outcome.NationalOutcomes.RemoveAll(n => !National.Contains(n.NationalOutcomeId));
        outcome.NationalOutcomes.AddRange(National.Where(n => outcome.NationalOutcomes.All(k => k.NationalOutcomeId != n))
            .Select(n => new LocalOutcomeNational { LocalOutcomeId = outcome.Id, NationalOutcomeId = n }).ToList());
        outcome.Indicators.RemoveAll(i => Indicators.All(k => k.Id != i.IndicatorId));
        foreach (var (id, baseline) in Indicators)
        {
            var link = outcome.Indicators.Find(i => i.IndicatorId == id);
            if (link is null)
            {
                link = new LocalOutcomeIndicator { LocalOutcomeId = outcome.Id, IndicatorId = id };
                outcome.Indicators.Add(link);
            }

            link.BaselinePeriod = baseline;
        }

        outcome.Qis.RemoveAll(q => !Qis.Contains((q.FrameworkCode, q.QiCode)));
        outcome.Qis.AddRange(Qis.Where(q => !outcome.Qis.Any(k => k.FrameworkCode == q.Framework && k.QiCode == q.Qi))
            .Select(q => new LocalOutcomeQi { LocalOutcomeId = outcome.Id, FrameworkCode = q.Framework, QiCode = q.Qi }).ToList());
        outcome.Actions.RemoveAll(a => !Actions.Contains(a.ActionId));
        outcome.Actions.AddRange(Actions.Where(a => outcome.Actions.All(k => k.ActionId != a)).Select(a => new LocalOutcomeAction { LocalOutcomeId = outcome.Id, ActionId = a }).ToList());
        outcome.CaseStudies.RemoveAll(c => !CaseStudies.Contains(c.CaseStudyId));
        outcome.CaseStudies.AddRange(CaseStudies.Where(c => outcome.CaseStudies.All(k => k.CaseStudyId != c)).Select(c => new LocalOutcomeCaseStudy { LocalOutcomeId = outcome.Id, CaseStudyId = c }).ToList());
    }
}
