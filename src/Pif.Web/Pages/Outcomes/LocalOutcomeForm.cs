using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators.Analysis;

namespace Pif.Web.Pages.Outcomes;

/// <summary>The fields of a local outcome's form.</summary>
public sealed class LocalOutcomeForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<int> National { get; set; } = [];

    public string? Indicators { get; set; }

    public List<string> Qis { get; set; } = [];

    public List<Guid> Actions { get; set; } = [];

    public List<Guid> CaseStudies { get; set; } = [];

    public Guid? Stamp { get; set; }

    public LocalOutcomeInput ToInput() => new(Title, Description, National, Indicators, Qis, Actions, CaseStudies);

    public static LocalOutcomeForm From(OutcomeThread thread, Guid stamp)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return new()
        {
            Title = thread.Title,
            Description = thread.Description,
            National = [.. thread.NationalOutcomes.Select(n => n.Number)],
            Indicators = string.Join(", ", thread.Indicators.Select(i => i.BaselinePeriod is null ? i.Code : $"{i.Code} {i.BaselinePeriod}")),
            Qis = [.. thread.Qis.Select(q => QiIndicatorLinksService.Key(q.Framework, q.Code))],
            Actions = [.. thread.Actions.Select(a => a.Id)],
            CaseStudies = [.. thread.CaseStudies.Select(c => c.Id)],
            Stamp = stamp,
        };
    }
}

/// <summary>What the form offers: the national outcomes of the agreement's set, the QIs of every published framework, and the council's actions and case studies.</summary>
public sealed record LocalOutcomeChoices(
    IReadOnlyList<(int Number, string Title)> National,
    IReadOnlyList<(string Framework, IReadOnlyList<(string Key, string Label)> Qis)> Qis,
    IReadOnlyList<(string Plan, IReadOnlyList<(Guid Id, string Label)> Actions)> Plans,
    IReadOnlyList<(Guid Id, string Title)> CaseStudies)
{
    public static async Task<LocalOutcomeChoices> LoadAsync(AppDbContext db, UserAccess access, AgreementView agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var council = agreement.OrganisationId;
        var national = await db.NationalOutcomes.Where(o => o.SetId == agreement.OutcomeSetId).OrderBy(o => o.Number).Select(o => new { o.Number, o.Title }).ToListAsync(cancellationToken);
        var qis = await QiIndicatorLinksService.OfferedAsync(db, cancellationToken);
        var actions = await (from p in ImprovementPlanAccess.Visible(db, access).Where(p => p.OrganisationId == council)
                             join a in db.PlanActions on p.Id equals a.PlanId
                             select new { p.Id, p.Title, p.PeriodStart, ActionId = a.Id, a.Number, a.Description }).ToListAsync(cancellationToken);
        var studies = await CaseStudyAccess.Visible(db, access).Where(c => c.OrganisationId == council && !c.IsDemonstration)
            .Select(c => new { c.Id, Title = c.Revisions.OrderByDescending(r => r.Number).Select(r => r.Title).First() }).ToListAsync(cancellationToken);
        return new(
            [.. national.Select(n => (n.Number, n.Title))],
            [.. qis.GroupBy(q => q.Key.Split('|')[0], StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<(string, string)>)[.. g]))],
            [.. actions.GroupBy(a => (a.Id, a.Title, a.PeriodStart)).OrderByDescending(g => g.Key.PeriodStart)
                .Select(g => (g.Key.Title, (IReadOnlyList<(Guid, string)>)[.. g.OrderBy(a => a.Number).Select(a => (a.ActionId, $"Action {a.Number}: {Texts.Shortened(a.Description, 160)}"))]))],
            [.. studies.OrderBy(s => s.Title, StringComparer.CurrentCulture).Select(s => (s.Id, s.Title))]);
    }
}

/// <summary>The form partial's model.</summary>
public sealed record LocalOutcomeFormView(LocalOutcomeForm Form, LocalOutcomeChoices Choices, string SetTitle, string Button);
