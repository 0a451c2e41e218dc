using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Testing;

/// <summary>
/// Sets up what a test needs before the step it tests, through the modules' services rather than
/// page by page over HTTP: the same rules and audit rows, at a fraction of the cost. Keep HTTP for
/// the step under test.
/// </summary>
public static class TestData
{
    /// <summary>What the user with <paramref name="email"/> may act for now, as a request would see it.</summary>
    public static Task<UserAccess> AccessAsync(PifWebFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.QueryAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return (await CurrentUser.ReadAsync(db, id, DateTime.UtcNow, null, null, CancellationToken.None))!;
        });
    }

    /// <summary>Starts a self-evaluation of the PIF (version 1) for the lead's council, as <paramref name="leadEmail"/>; returns its id.</summary>
    public static async Task<Guid> StartSelfEvaluationAsync(PifWebFactory factory, string leadEmail, string title, int year = 2026, DateOnly? dueDate = null)
    {
        var lead = await AccessAsync(factory, leadEmail);
        var council = lead.Memberships.First(m => m.Role == OrganisationRole.EvaluationLead).OrganisationId;
        return await WithAsync<SelfEvaluationsService, Guid>(factory, async (service, db) =>
        {
            var version = await db.FrameworkVersions.Where(v => v.Framework.Code == "PIF" && v.Number == 1).Select(v => v.Id).SingleAsync();
            var input = new StartInput(council, title, version, ServiceAreas.ChildrenAndFamilies | ServiceAreas.AdultServices,
                new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31), dueDate ?? new DateOnly(year + 1, 6, 30));
            return Succeeded(await service.StartAsync(lead, input, CancellationToken.None)).Id!.Value;
        });
    }

    /// <summary>Narrows the scope to the QIs with <paramref name="codes"/>, assigns each to <paramref name="contributors"/>, and begins the self-evaluation.</summary>
    public static async Task ScopeAssignAndBeginAsync(PifWebFactory factory, string leadEmail, Guid id, IReadOnlyList<string> codes, IReadOnlyList<string> contributors)
    {
        var lead = await AccessAsync(factory, leadEmail);
        await WithAsync<SelfEvaluationsService, bool>(factory, async (service, db) =>
        {
            var qis = await db.QualityIndicators.Where(q => codes.Contains(q.Code) && db.SelfEvaluations.Any(s => s.Id == id && s.FrameworkVersionId == q.VersionId))
                .Select(q => q.Id).ToListAsync();
            Succeeded(await service.SetScopeAsync(lead, id, qis, CancellationToken.None));
            var people = await db.Users.Where(u => contributors.Contains(u.Email!)).Select(u => u.Id).ToListAsync();
            var evaluations = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id).Select(q => q.Id).ToListAsync();
            Succeeded(await service.AssignAsync(lead, id, evaluations.ToDictionary(q => q, _ => (IReadOnlySet<Guid>)people.ToHashSet()), CancellationToken.None));
            Succeeded(await service.BeginAsync(lead, id, CancellationToken.None));
            return true;
        });
    }

    /// <summary>Writes <paramref name="email"/>'s complete contribution to a QI with <paramref name="grade"/>.</summary>
    public static async Task ContributeAsync(PifWebFactory factory, string email, Guid qiEvaluationId, int grade)
    {
        var contributor = await AccessAsync(factory, email);
        await WithAsync<EvaluationRecordsService, bool>(factory, async (service, _) =>
        {
            var input = new RecordInput("We are doing well", "Case file reading", "Keep going", grade, "The evidence agrees", EvidenceConfidence.Medium, true, []);
            Succeeded(await service.SaveContributionAsync(contributor, qiEvaluationId, null, input, CancellationToken.None));
            return true;
        });
    }

    private static async Task<T> WithAsync<TService, T>(PifWebFactory factory, Func<TService, AppDbContext, Task<T>> action)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static ServiceResult Succeeded(ServiceResult result) =>
        result.Succeeded ? result : throw new InvalidOperationException($"Setting up failed: {result.Outcome} {string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}"))}");
}
