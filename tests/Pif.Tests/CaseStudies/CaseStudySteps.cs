using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.CaseStudies;

/// <summary>Case studies written, submitted and published through the services, for tests whose step under test comes after.</summary>
internal static class CaseStudySteps
{
    public const string FifeLead = "lead.fife@pif.example";
    public const string National = "national.admin@pif.example";

    public static CaseStudyInput Input(string title = "Kinship carers supported sooner", string? results = null, IReadOnlyCollection<string>? qis = null, string? indicators = null, int year = 2025, ServiceAreas areas = ServiceAreas.ChildrenAndFamilies, IReadOnlyCollection<Guid>? actions = null) =>
        new(title, "We cut the wait for kinship care assessments.", areas, year,
            "Assessments took **14 weeks** on average.", "We tested a single assessor with three families, then all.", results ?? "The wait fell to 6 weeks.",
            "A shared template.", "Staff turnover.", "Two social workers for six months.", "Team manager, children and families",
            [], qis ?? [], indicators, actions ?? [], []);

    public static async Task<Guid> CouncilOfAsync(PifWebFactory factory, string email) =>
        (await TestData.AccessAsync(factory, email)).Memberships.First(m => m.Role is OrganisationRole.EvaluationLead or OrganisationRole.OrganisationAdministrator).OrganisationId;

    public static async Task<Guid> DraftAsync(PifWebFactory factory, CaseStudyInput input, string email = FifeLead)
    {
        var actor = await TestData.AccessAsync(factory, email);
        var council = await CouncilOfAsync(factory, email);
        return await WithAsync<CaseStudiesService, Guid>(factory, async service => Succeeded(await service.CreateAsync(actor, council, input, CancellationToken.None)).Id!.Value);
    }

    public static async Task SubmitAsync(PifWebFactory factory, Guid id, string email = FifeLead)
    {
        var actor = await TestData.AccessAsync(factory, email);
        await WithAsync<CaseStudiesService>(factory, async service => Succeeded(await service.SubmitAsync(actor, id, await StampAsync(factory, id), CancellationToken.None)));
    }

    public static async Task PublishAsync(PifWebFactory factory, Guid id)
    {
        var actor = await TestData.AccessAsync(factory, National);
        await WithAsync<CaseStudyReviewService>(factory, async service => Succeeded(await service.PublishAsync(actor, id, await StampAsync(factory, id), CancellationToken.None)));
    }

    /// <summary>Drafts, submits and publishes a case study; returns its id.</summary>
    public static async Task<Guid> PublishedAsync(PifWebFactory factory, CaseStudyInput input, string email = FifeLead)
    {
        var id = await DraftAsync(factory, input, email);
        await SubmitAsync(factory, id, email);
        await PublishAsync(factory, id);
        return id;
    }

    public static Task<Guid> StampAsync(PifWebFactory factory, Guid id) =>
        factory.QueryAsync(db => db.CaseStudies.Where(c => c.Id == id).Select(c => c.ConcurrencyStamp).SingleAsync());

    public static async Task<T> WithAsync<TService, T>(PifWebFactory factory, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<ServiceResult> WithAsync<TService>(PifWebFactory factory, Func<TService, Task<ServiceResult>> action)
        where TService : notnull => WithAsync<TService, ServiceResult>(factory, action);

    public static ServiceResult Succeeded(ServiceResult result) =>
        result.Succeeded ? result : throw new InvalidOperationException($"Setting up failed: {result.Outcome} {string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}"))}");

    public static Task<CaseStudyResults> SearchAsync(PifWebFactory factory, string? query, CaseStudyFilters? filters = null) =>
        WithAsync<CaseStudySearch, CaseStudyResults>(factory, search => search.SearchAsync(query, filters ?? new(), 1, CancellationToken.None));

    internal static AppDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();
}
