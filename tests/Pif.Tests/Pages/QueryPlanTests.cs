using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Pif.Testing;

namespace Pif.Tests.Pages;

/// <summary>
/// The queries every signed-in request sends (the session check with the person's memberships, the unread
/// notifications count) find their rows through indexes, on SQLite's own query plans: a full scan there costs every
/// page in proportion to all the users of the service, not to the person asking.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed partial class QueryPlanTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task EveryRequestsQueries_ReadByIndex_WithoutScanningATable()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("lead.glasgow@pif.example");
        factory.Queries.Reset();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/frameworks", TestContext.Current.CancellationToken)).StatusCode);
        var perRequest = factory.Queries.Commands.Where(c => c.Contains("FROM \"user_sessions\"", StringComparison.Ordinal) || c.Contains("FROM \"notifications\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, perRequest.Count);

        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var sql in perRequest)
        {
            var tables = Aliases().Matches(sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value);
            var plan = await PlanAsync(connection, sql);

            // "SCAN x" of a table (not of a subquery's result) reads every row; MATERIALIZE builds a subquery's whole
            // result before joining it, which is how a join inside a subquery on the right of a LEFT JOIN read every
            // membership of every user.
            Assert.DoesNotContain(plan, step => step.StartsWith("MATERIALIZE", StringComparison.Ordinal)
                || (step.StartsWith("SCAN ", StringComparison.Ordinal) && tables.ContainsKey(step.Split(' ')[1])));
        }
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
