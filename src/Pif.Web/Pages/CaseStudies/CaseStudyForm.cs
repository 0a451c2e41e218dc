using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>The fields of a case study's form, for a new one and for a change.</summary>
public sealed class CaseStudyForm
{
    public Guid? OrganisationId { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<ServiceAreas> Areas { get; set; } = [];

    public int? Year { get; set; }

    public string? Problem { get; set; }

    public string? WhatWasDone { get; set; }

    public string? Results { get; set; }

    public string? WhatHelped { get; set; }

    public string? WhatGotInTheWay { get; set; }

    public string? CostAndResources { get; set; }

    public string? ContactRole { get; set; }

    public List<Guid> Councils { get; set; } = [];

    public List<string> Qis { get; set; } = [];

    public string? Indicators { get; set; }

    public List<Guid> Actions { get; set; } = [];

    public List<Guid> Outcomes { get; set; } = [];

    /// <summary>The version of the case study the form was opened on.</summary>
    public Guid? Stamp { get; set; }

    public CaseStudyInput ToInput() => new(
        Title, Summary, Areas.Aggregate(ServiceAreas.None, (all, a) => all | a), Year, Problem, WhatWasDone, Results, WhatHelped, WhatGotInTheWay,
        CostAndResources, ContactRole, Councils, Qis, Indicators, Actions, Outcomes);

    public static CaseStudyForm From(CaseStudyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var r = view.Revision;
        return new()
        {
            OrganisationId = view.OrganisationId,
            Title = r.Title,
            Summary = r.Summary,
            Areas = [.. SelfEvaluationWording.AllAreas.Where(a => r.Areas.HasFlag(a))],
            Year = r.Year,
            Problem = r.Problem,
            WhatWasDone = r.WhatWasDone,
            Results = r.Results,
            WhatHelped = r.WhatHelped,
            WhatGotInTheWay = r.WhatGotInTheWay,
            CostAndResources = r.CostAndResources,
            ContactRole = r.ContactRole,
            Qis = [.. view.Qis.Select(q => QiIndicatorLinksService.Key(q.Framework, q.Qi))],
            Indicators = string.Join(", ", view.Indicators.Select(i => i.Result is { } r ? $"{i.Code} {r.Before} to {r.After}" : i.Code)),
            Actions = [.. view.Actions.Select(a => a.ActionId)],
            Outcomes = [.. view.Outcomes.Select(o => o.Id)],
            Stamp = view.Stamp,
        };
    }
}

/// <summary>
/// What the form offers: the councils that may have shared the work, the QIs of every published framework, the
/// actions of the writing councils' improvement plans, and the national outcome sets.
/// </summary>
public sealed record CaseStudyFormChoices(
    IReadOnlyList<(Guid Id, string Name)> WritingCouncils,
    IReadOnlyList<(Guid Id, string Name)> Councils,
    IReadOnlyList<(string Framework, IReadOnlyList<(string Key, string Label)> Qis)> Qis,
    IReadOnlyList<CaseStudyFormChoices.PlanActions> Plans,
    IReadOnlyList<OutcomeSet> Sets)
{
    /// <summary>One plan's actions, as "Action 3: what will be done".</summary>
    public sealed record PlanActions(Guid OrganisationId, string Title, IReadOnlyList<(Guid Id, string Label)> Actions);

    public static async Task<CaseStudyFormChoices> LoadAsync(AppDbContext db, UserAccess access, IReadOnlyList<Guid> writing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var councils = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name)).ToList();
        var qis = await QiIndicatorLinksService.OfferedAsync(db, cancellationToken);
        var actions = await (from p in ImprovementPlanAccess.Visible(db, access).Where(p => writing.Contains(p.OrganisationId))
                             join a in db.PlanActions on p.Id equals a.PlanId
                             select new { p.Id, p.OrganisationId, p.Title, p.PeriodStart, ActionId = a.Id, a.Number, a.Description }).ToListAsync(cancellationToken);
        return new(
            [.. councils.Where(c => writing.Contains(c.Id))],
            councils,
            [.. qis.GroupBy(q => q.Key.Split('|')[0], StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<(string, string)>)[.. g]))],
            [.. actions.GroupBy(a => (a.Id, a.OrganisationId, a.Title, a.PeriodStart)).OrderByDescending(g => g.Key.PeriodStart)
                .Select(g => new PlanActions(g.Key.OrganisationId, g.Key.Title, [.. g.OrderBy(a => a.Number).Select(a => (a.ActionId, $"Action {a.Number}: {Texts.Shortened(a.Description, 160)}"))]))],
            await OutcomeSets.AllAsync(db, cancellationToken));
    }
}

/// <summary>The form partial's model: the form, its choices, and the words of its button.</summary>
public sealed record CaseStudyFormView(CaseStudyForm Form, CaseStudyFormChoices Choices, bool ChoosesCouncil, string Button);
