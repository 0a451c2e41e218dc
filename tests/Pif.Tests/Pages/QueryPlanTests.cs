using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.Pages;

/// <summary>
/// The queries every signed-in request sends (the session check with the person's memberships, the unread
/// notifications count when the data has changed since it was kept) find their rows through indexes, on SQLite's own query plans: a full scan there costs every
/// page in proportion to all the users of the service, not to the person asking.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed partial class QueryPlanTests : IAsyncLifetime
{
    // No scheduled jobs: their sweeps (reminders, exports) read whole tables by design, and would run among a page's queries.
    private readonly PifWebFactory factory = new() { RunsScheduler = false };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task EveryRequestsQueries_ReadByIndex_WithoutScanningATable()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("lead.glasgow@pif.example");
        // A new data stamp, so the unread count kept for the person is read again.
        await factory.QueryAsync(async db =>
        {
            await Pif.Web.Data.DataChanges.StampAsync(db, TestContext.Current.CancellationToken);
            return 0;
        });
        factory.Queries.Reset();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/frameworks", TestContext.Current.CancellationToken)).StatusCode);
        var perRequest = factory.Queries.Commands.Where(c => c.Contains("FROM \"user_sessions\"", StringComparison.Ordinal) || c.Contains("FROM \"notifications\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, perRequest.Count);

        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var sql in perRequest)
        {
            var tables = Aliases().Matches(sql).GroupBy(m => m.Groups["alias"].Value).ToDictionary(g => g.Key, g => g.First().Groups["table"].Value);
            var plan = await PlanAsync(connection, sql);

            // "SCAN x" of a table (not of a subquery's result) reads every row; MATERIALIZE builds a subquery's whole
            // result before joining it, which is how a join inside a subquery on the right of a LEFT JOIN read every
            // membership of every user.
            Assert.DoesNotContain(plan, step => step.StartsWith("MATERIALIZE", StringComparison.Ordinal)
                || (step.StartsWith("SCAN ", StringComparison.Ordinal) && tables.ContainsKey(step.Split(' ')[1])));
        }
    }

    /// <summary>
    /// Tables that grow with the service's use; a page reads them by index, never whole. Tables that grow only with the
    /// 32 councils' own documents (outcome agreements and their local outcomes and links) are not among them.
    /// </summary>
    private static readonly HashSet<string> Growing =
    [
        "users", "memberships", "user_sessions", "notifications", "audit_entries", "self_evaluations", "qi_evaluations", "qi_assignments",
        "evaluation_records", "evaluation_record_items", "validation_decisions", "qi_comments", "evidence_items", "evidence_links", "evidence_files",
        "improvement_plans", "plan_actions", "action_updates", "indicator_values", "case_studies", "case_study_revisions",
    ];

    [Theory]
    [InlineData("lead.glasgow@pif.example", "/")]
    [InlineData("lead.glasgow@pif.example", "/self-evaluations")]
    [InlineData("lead.glasgow@pif.example", "/evidence")]
    [InlineData("lead.glasgow@pif.example", "/improvement-plans")]
    [InlineData("lead.glasgow@pif.example", "/outcomes")]
    [InlineData("lead.glasgow@pif.example", "/notifications")]
    [InlineData("national.admin@pif.example", "/")]
    public async Task MainPages_ReadTheTablesThatGrowByIndex(string email, string path)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        var scans = await ScansAsync(client, path);
        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    [Fact]
    public async Task TheDemoDatasPages_ReadTheTablesThatGrowByIndex()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<SelfEvaluationDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await services.GetRequiredService<EvidenceDemo>().SeedAsync(TestContext.Current.CancellationToken);
            await services.GetRequiredService<ImprovementPlanDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await services.GetRequiredService<IndicatorDemo>().SeedAsync(TestContext.Current.CancellationToken);
            await services.GetRequiredService<OutcomeDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await services.GetRequiredService<CaseStudyDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
        }

        var (evaluation, qi, plan, agreement, outcome) = await factory.QueryAsync(async db =>
        {
            var published = await db.SelfEvaluations.Where(s => s.State == SelfEvaluationState.Published).Select(s => s.Id).SingleAsync();
            var first = await db.QiEvaluations.Where(q => q.SelfEvaluationId == published).OrderBy(q => q.Position).Select(q => q.Id).FirstAsync();
            var plan = await db.ImprovementPlans.Select(p => p.Id).FirstAsync();
            var local = await db.LocalOutcomes.OrderBy(o => o.Number).Select(o => new { o.AgreementId, o.Id }).FirstAsync();
            return (published, first, plan, local.AgreementId, local.Id);
        });
        var lead = await EvaluationSteps.AsAsync(factory, "lead.glasgow@pif.example");
        var scans = new List<string>();
        foreach (var path in new[]
        {
            "/", $"/self-evaluations/{evaluation}", $"/self-evaluations/{evaluation}/qis/{qi}", $"/self-evaluations/{evaluation}/profile",
            $"/improvement-plans/{plan}", "/performance-indicators/SW07", "/performance-indicators/SW07/councils", "/performance-indicators/profile",
            "/performance-indicators/SW06/funnel", "/case-studies", "/case-studies?Q=carers", $"/outcomes/agreements/{agreement}",
            $"/outcomes/agreements/{agreement}/outcomes/{outcome}", "/reports/annual?Year=2025",
        })
        {
            scans.AddRange(await ScansAsync(lead, path));
        }

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    [Fact]
    public async Task SelfEvaluationPages_ReadTheTablesThatGrowByIndex()
    {
        var id = await EvaluationSteps.StartAsync(factory, "Query plans");
        var qis = await EvaluationSteps.PrepareAsync(factory, id, "2.1");
        await EvaluationSteps.ContributeAsync(await EvaluationSteps.AsAsync(factory, EvaluationSteps.Contributor1), id, qis["2.1"], 4);
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        foreach (var path in new[] { $"/self-evaluations/{id}", $"/self-evaluations/{id}/qis/{qis["2.1"]}", $"/self-evaluations/{id}/qis/{qis["2.1"]}/agree", $"/self-evaluations/{id}/profile" })
        {
            var scans = await ScansAsync(lead, path);
            Assert.True(scans.Count == 0, string.Join("\n\n", scans));
        }
    }

    /// <summary>Each scan of a growing table in SQLite's plans of the queries a page sends, with its query.</summary>
    private async Task<List<string>> ScansAsync(HttpClient client, string path)
    {
        factory.Queries.Reset();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);

        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var scans = new List<string>();
        foreach (var sql in factory.Queries.Commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)))
        {
            var tables = Aliases().Matches(sql).GroupBy(m => m.Groups["alias"].Value).ToDictionary(g => g.Key, g => g.First().Groups["table"].Value);
            scans.AddRange((await PlanAsync(connection, sql))
                .Where(step => step.StartsWith("SCAN ", StringComparison.Ordinal) && tables.TryGetValue(step.Split(' ')[1], out var table) && Growing.Contains(table))
                .Select(step => $"{path}: {step} in {sql}"));
        }

        return scans;
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Parameters().Matches(sql).Select(m => m.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    [GeneratedRegex("(?:FROM|JOIN) \"(?<table>[a-z_]+)\" AS \"(?<alias>[a-z0-9]+)\"")]
    private static partial Regex Aliases();

    [GeneratedRegex("@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Parameters();
}
