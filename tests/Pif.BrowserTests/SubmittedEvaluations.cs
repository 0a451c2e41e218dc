using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.BrowserTests;

/// <summary>
/// Set-up for journeys that begin with agreed grades or after submission: the Glasgow lead's steps taken through the
/// services (the pages of those steps have a journey of their own), each in a scope of its own.
/// </summary>
internal static class SubmittedEvaluations
{
    public static async Task<Guid> SubmitAsync(PifWebFactory host, string title, params (string Code, int Grade)[] grades)
    {
        var (id, access) = await AgreeAsync(host, title, grades);
        await StepAsync(host, (s, ct) => s.GetRequiredService<SelfEvaluationsService>().SubmitAsync(access, id, ct));
        return id;
    }

    /// <summary>As <see cref="SubmitAsync"/>, each agreed record naming one area for improvement.</summary>
    public static async Task<Guid> SubmitWithAreasAsync(PifWebFactory host, string title, params (string Code, int Grade, string Area)[] grades)
    {
        var (id, access) = await AgreeAsync(host, title, grades.Select(g => (g.Code, g.Grade, (string?)g.Area)).ToArray());
        await StepAsync(host, (s, ct) => s.GetRequiredService<SelfEvaluationsService>().SubmitAsync(access, id, ct));
        return id;
    }

    /// <summary>Starts a Glasgow self-evaluation of the given QIs and agrees the grades, leaving it in progress.</summary>
    public static Task<(Guid Id, UserAccess Lead)> AgreeAsync(PifWebFactory host, string title, params (string Code, int Grade)[] grades) =>
        AgreeAsync(host, title, grades.Select(g => (g.Code, g.Grade, (string?)null)).ToArray());

    private static async Task<(Guid Id, UserAccess Lead)> AgreeAsync(PifWebFactory host, string title, (string Code, int Grade, string? Area)[] grades)
    {
        var codes = grades.Select(g => g.Code).ToList();
        var (access, council, version) = await InScopeAsync(host, async (db, _) =>
        {
            var lead = await AccessAsync(db, "lead.glasgow@pif.example");
            return (lead, lead.Memberships.Single(m => m.OrganisationName == "Glasgow City").OrganisationId,
                await db.FrameworkVersions.Where(v => v.Framework.Code == "PIF" && v.Number == 1).Select(v => v.Id).SingleAsync());
        });
        var id = await StepAsync(host, (s, ct) => s.GetRequiredService<SelfEvaluationsService>()
            .StartAsync(access, new StartInput(council, title, version, ServiceAreas.ChildrenAndFamilies, new(2026, 4, 1), new(2027, 3, 31), new(2027, 6, 30)), ct));
        var qis = await InScopeAsync(host, (db, _) => db.QualityIndicators.Where(q => q.VersionId == version && codes.Contains(q.Code)).Select(q => q.Id).ToListAsync());
        await StepAsync(host, (s, ct) => s.GetRequiredService<SelfEvaluationsService>().SetScopeAsync(access, id, qis, ct));
        var (evaluated, contributor) = await InScopeAsync(host, async (db, _) => (
            await db.QiEvaluations.Where(q => q.SelfEvaluationId == id).ToDictionaryAsync(q => q.QiCode, q => q.Id),
            await db.Users.Where(u => u.Email == "contributor1.glasgow@pif.example").Select(u => u.Id).SingleAsync()));
        await StepAsync(host, (s, ct) => s.GetRequiredService<SelfEvaluationsService>()
            .AssignAsync(access, id, evaluated.Values.ToDictionary(q => q, IReadOnlySet<Guid> (_) => new HashSet<Guid> { contributor }), ct));
        await StepAsync(host, (s, ct) => s.GetRequiredService<SelfEvaluationsService>().BeginAsync(access, id, ct));
        foreach (var (code, grade, area) in grades)
        {
            var input = new RecordInput("Most people get a timely service.", "Case file reading and the performance data.", "Keep the weekly review.", grade, "The evidence matches the illustration.", EvidenceConfidence.Medium, false,
                area is null ? [] : [new ItemInput(null, ItemKind.AreaForImprovement, area)]);
            await StepAsync(host, (s, ct) => s.GetRequiredService<EvaluationRecordsService>().SaveAgreedAsync(access, evaluated[code], null, input, "Both contributors' views weighed.", ct));
        }

        return (id, access);
    }

    /// <summary>Saves a contribution by the first Glasgow contributor (assigned to every QI by <see cref="AgreeAsync"/>).</summary>
    public static async Task ContributeAsync(PifWebFactory host, Guid id, string code, string text)
    {
        var (access, qi) = await InScopeAsync(host, async (db, _) => (await AccessAsync(db, "contributor1.glasgow@pif.example"),
            await db.QiEvaluations.Where(q => q.SelfEvaluationId == id && q.QiCode == code).Select(q => q.Id).SingleAsync()));
        var input = new RecordInput(text, "Case file reading.", "Keep going.", 4, text, EvidenceConfidence.Low, true, [new ItemInput(null, ItemKind.Strength, text)]);
        await StepAsync(host, (s, ct) => s.GetRequiredService<EvaluationRecordsService>().SaveContributionAsync(access, qi, null, input, ct));
    }

    private static async Task<UserAccess> AccessAsync(AppDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var memberships = await db.Memberships.Where(m => m.UserId == user.Id)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new MembershipView(o.Id, o.Name, o.Kind, m.Role)).ToListAsync();
        return new UserAccess(user.Id, user.DisplayName, email, memberships, [], false);
    }

    private static async Task<T> InScopeAsync<T>(PifWebFactory host, Func<AppDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider);
    }

    private static async Task<Guid> StepAsync(PifWebFactory host, Func<IServiceProvider, CancellationToken, Task<ServiceResult>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await step(scope.ServiceProvider, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)) + " " + result.Outcome);
        return result.Id ?? Guid.Empty;
    }
}
