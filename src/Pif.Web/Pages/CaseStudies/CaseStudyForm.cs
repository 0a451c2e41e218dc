using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Organisations;
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

    /// <summary>The version of the case study the form was opened on.</summary>
    public Guid? Stamp { get; set; }

    public CaseStudyInput ToInput() => new(
        Title, Summary, Areas.Aggregate(ServiceAreas.None, (all, a) => all | a), Year, Problem, WhatWasDone, Results, WhatHelped, WhatGotInTheWay,
        CostAndResources, ContactRole, Councils, Qis, Indicators);

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
            Indicators = string.Join(", ", view.Indicators.Select(i => i.Code)),
            Stamp = view.Stamp,
        };
    }
}

/// <summary>What the form offers: the councils that may have shared the work, and the QIs of every published framework.</summary>
public sealed record CaseStudyFormChoices(
    IReadOnlyList<(Guid Id, string Name)> WritingCouncils,
    IReadOnlyList<(Guid Id, string Name)> Councils,
    IReadOnlyList<(string Framework, IReadOnlyList<(string Key, string Label)> Qis)> Qis)
{
    public static async Task<CaseStudyFormChoices> LoadAsync(AppDbContext db, IReadOnlyList<Guid> writing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var councils = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name)).ToList();
        var qis = await QiIndicatorLinksService.OfferedAsync(db, cancellationToken);
        return new(
            [.. councils.Where(c => writing.Contains(c.Id))],
            councils,
            [.. qis.GroupBy(q => q.Key.Split('|')[0], StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<(string, string)>)[.. g]))]);
    }
}

/// <summary>The form partial's model: the form, its choices, and the words of its button.</summary>
public sealed record CaseStudyFormView(CaseStudyForm Form, CaseStudyFormChoices Choices, bool ChoosesCouncil, string Button);
