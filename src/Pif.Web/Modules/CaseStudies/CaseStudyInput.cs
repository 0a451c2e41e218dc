using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// A case study's words and links as the form sends them: QIs as "framework|QI" keys from the list offered,
/// indicators as codes typed, separated by commas, each with the periods before and after if the author gives them
/// ("SW01 2016-17 to 2021-22"), and actions of the council's improvement plans and national outcomes from the lists offered.
/// </summary>
public sealed record CaseStudyInput(
    string? Title,
    string? Summary,
    ServiceAreas Areas,
    int? Year,
    string? Problem,
    string? WhatWasDone,
    string? Results,
    string? WhatHelped,
    string? WhatGotInTheWay,
    string? CostAndResources,
    string? ContactRole,
    IReadOnlyCollection<Guid> Councils,
    IReadOnlyCollection<string> Qis,
    string? Indicators,
    IReadOnlyCollection<Guid> Actions,
    IReadOnlyCollection<Guid> Outcomes)
{
    public const int MaxIndicators = 20;
    public const int MaxActions = 20;
}

/// <summary>An input checked against the rules and the catalogue, ready to write into a revision.</summary>
internal sealed record CheckedInput(
    CaseStudyInput Input, IReadOnlyList<Guid> Councils, IReadOnlyList<(string Framework, string Qi)> Qis, IReadOnlyList<IndicatorResult> Indicators, IReadOnlyList<Guid> Actions,
    IReadOnlyList<Guid> Outcomes)
{
    public void WriteInto(CaseStudyRevision revision)
    {
        var input = Input;
        revision.Title = Texts.Clean(input.Title)!;
        revision.Summary = Texts.Clean(input.Summary)!;
        revision.ServiceAreas = input.Areas;
        revision.Year = input.Year!.Value;
        revision.Problem = Texts.Clean(input.Problem)!;
        revision.WhatWasDone = Texts.Clean(input.WhatWasDone)!;
        revision.Results = Texts.Clean(input.Results)!;
        revision.WhatHelped = Texts.Clean(input.WhatHelped);
        revision.WhatGotInTheWay = Texts.Clean(input.WhatGotInTheWay);
        revision.CostAndResources = Texts.Clean(input.CostAndResources);
        revision.ContactRole = Texts.Clean(input.ContactRole)!;
        // Links change by difference, so a link kept is not deleted and added again under the same key.
        revision.Councils.RemoveAll(c => !Councils.Contains(c.OrganisationId));
        revision.Councils.AddRange(Councils.Where(c => !revision.Councils.Any(k => k.OrganisationId == c))
            .Select(c => new CaseStudyCouncil { RevisionId = revision.Id, OrganisationId = c }).ToList());
        revision.Qis.RemoveAll(q => !Qis.Contains((q.FrameworkCode, q.QiCode)));
        revision.Qis.AddRange(Qis.Where(q => !revision.Qis.Any(k => k.FrameworkCode == q.Framework && k.QiCode == q.Qi))
            .Select(q => new CaseStudyQi { RevisionId = revision.Id, FrameworkCode = q.Framework, QiCode = q.Qi }).ToList());
        revision.Indicators.RemoveAll(i => !Indicators.Any(k => k.Id == i.IndicatorId));
        foreach (var result in Indicators)
        {
            var link = revision.Indicators.Find(k => k.IndicatorId == result.Id);
            if (link is null)
            {
                link = new CaseStudyIndicator { RevisionId = revision.Id, IndicatorId = result.Id };
                revision.Indicators.Add(link);
            }

            link.BeforePeriod = result.Before;
            link.AfterPeriod = result.After;
        }

        revision.Actions.RemoveAll(a => !Actions.Contains(a.ActionId));
        revision.Actions.AddRange(Actions.Where(a => !revision.Actions.Any(k => k.ActionId == a))
            .Select(a => new CaseStudyAction { RevisionId = revision.Id, ActionId = a }).ToList());
        revision.Outcomes.RemoveAll(o => !Outcomes.Contains(o.NationalOutcomeId));
        revision.Outcomes.AddRange(Outcomes.Where(o => !revision.Outcomes.Any(k => k.NationalOutcomeId == o))
            .Select(o => new CaseStudyOutcome { RevisionId = revision.Id, NationalOutcomeId = o }).ToList());
    }

    /// <summary>Checks every field, saying on each what to fix; the links are checked against what exists and what the user sees.</summary>
    public static async Task<(CheckedInput? Checked, List<FieldProblem> Problems)> CheckAsync(
        AppDbContext db, UserAccess actor, Guid organisationId, CaseStudyInput input, DateOnly today, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        Required(problems, "Title", "The title", input.Title, CaseStudyRevision.TitleMaxLength, "Enter a title");
        Required(problems, "Summary", "The summary", input.Summary, CaseStudyRevision.SummaryMaxLength, "Enter a summary of what was improved and how");
        if (input.Areas == ServiceAreas.None || (input.Areas & ~(ServiceAreas.ChildrenAndFamilies | ServiceAreas.AdultServices | ServiceAreas.JusticeSocialWork | ServiceAreas.WholeService)) != 0)
        {
            problems.Add(new("Areas", "Choose at least one service area"));
        }

        if (input.Year is not { } year || year < 2000 || year > today.Year)
        {
            problems.Add(new("Year", $"Enter the year the work was done, from 2000 to {today.Year.ToString(CultureInfo.InvariantCulture)}"));
        }

        Required(problems, "Problem", "The problem", input.Problem, CaseStudyRevision.SectionMaxLength, "Describe the problem and the data that showed it");
        Required(problems, "WhatWasDone", "What was done", input.WhatWasDone, CaseStudyRevision.SectionMaxLength, "Describe what was done and how the changes were tested");
        Required(problems, "Results", "The results", input.Results, CaseStudyRevision.SectionMaxLength, "Describe the results, before and after");
        Optional(problems, "WhatHelped", "What helped", input.WhatHelped, CaseStudyRevision.SectionMaxLength);
        Optional(problems, "WhatGotInTheWay", "What got in the way", input.WhatGotInTheWay, CaseStudyRevision.SectionMaxLength);
        Optional(problems, "CostAndResources", "Cost and resources", input.CostAndResources, CaseStudyRevision.SectionMaxLength);
        Required(problems, "ContactRole", "The contact role", input.ContactRole, CaseStudyRevision.ContactRoleMaxLength, "Enter the role of the person to contact, such as Service manager, adult services");

        var councils = input.Councils.Distinct().Where(c => c != organisationId).ToList();
        if (councils.Count > 0)
        {
            var known = await db.Organisations.Where(o => councils.Contains(o.Id) && o.Kind == OrganisationKind.Council).CountAsync(cancellationToken);
            if (known != councils.Count)
            {
                problems.Add(new("Councils", "Choose the other councils from the list"));
            }
        }

        var qis = new List<(string, string)>();
        if (input.Qis.Count > 0)
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

        var indicators = await IndicatorResult.CheckAsync(db, actor, organisationId, input.Indicators, problems, cancellationToken);
        var actions = input.Actions.Distinct().ToList();
        if (actions.Count > CaseStudyInput.MaxActions)
        {
            problems.Add(new("Actions", $"Choose up to {CaseStudyInput.MaxActions} actions"));
        }
        else if (actions.Count > 0)
        {
            var known = await ImprovementPlanAccess.CouncilActions(db, actor, organisationId).CountAsync(a => actions.Contains(a.Id), cancellationToken);
            if (known != actions.Count)
            {
                problems.Add(new("Actions", "Choose actions from the list of your council's improvement plans"));
            }
        }

        var outcomes = input.Outcomes.Distinct().ToList();
        if (outcomes.Count > 0 && await db.NationalOutcomes.CountAsync(o => outcomes.Contains(o.Id), cancellationToken) != outcomes.Count)
        {
            problems.Add(new("Outcomes", "Choose national outcomes from the list"));
        }

        return problems.Count > 0 ? (null, problems) : (new CheckedInput(input, councils, qis, indicators, actions, outcomes), problems);
    }

    private static void Required(List<FieldProblem> problems, string field, string label, string? text, int max, string missing)
    {
        if (Texts.Clean(text) is not { } clean)
        {
            problems.Add(new(field, missing));
        }
        else if (Texts.Exceeds(clean, max))
        {
            problems.Add(new(field, $"{label} must be {max:N0} characters or fewer"));
        }
    }

    private static void Optional(List<FieldProblem> problems, string field, string label, string? text, int max)
    {
        if (Texts.Exceeds(Texts.Clean(text), max))
        {
            problems.Add(new(field, $"{label} must be {max:N0} characters or fewer"));
        }
    }
}
