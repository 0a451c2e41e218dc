using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Tests.Evidence;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.Infrastructure;

/// <summary>A create form sent twice (a double click, a resent page) makes one thing.</summary>
public sealed partial class OnceOnlyTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static Dictionary<string, string> Evidence(string title, string once) => new()
    {
        ["Form.Title"] = title,
        ["Form.Kind"] = "StaffSurvey",
        ["Form.EffectiveFrom"] = "2026-01-01",
        ["Form.EffectiveTo"] = "2026-03-31",
        ["__Once"] = once,
    };

    private static async Task<string> OnceTokenAsync(HttpClient client) =>
        OnceField().Match(await client.GetStringAsync("/evidence/add", TestContext.Current.CancellationToken)).Groups[1].Value;

    private Task<int> CountAsync(string title) => factory.QueryAsync(db => db.EvidenceItems.CountAsync(e => e.Title == title));

    [Fact]
    public async Task AddEvidence_SentTwiceFromTheSameForm_MakesOneItem_AndTheSecondPostGetsTheFirstResult()
    {
        var lead = await AsAsync(factory, Lead);
        var once = await OnceTokenAsync(lead);

        var first = await EvidenceSteps.PostMultipartAsync(lead, "/evidence/add", Evidence("Sent twice", once), []);
        var second = await EvidenceSteps.PostMultipartAsync(lead, "/evidence/add", Evidence("Sent twice", once), []);

        Assert.True(Guid.TryParse(once, out _));
        Assert.Equal(1, await CountAsync("Sent twice"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Matches("^/evidence/[0-9a-f-]{36}$", first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(first.RequestMessage.RequestUri, second.RequestMessage!.RequestUri);
    }

    [Fact]
    public async Task AForm_RefusedWithErrors_CanBeCorrectedAndSentWithTheSameToken()
    {
        var lead = await AsAsync(factory, Lead);
        var once = await OnceTokenAsync(lead);

        var refused = await Html.ParseAsync(await EvidenceSteps.PostMultipartAsync(lead, "/evidence/add", Evidence("", once), []));
        await EvidenceSteps.PostMultipartAsync(lead, "/evidence/add", Evidence("Corrected then sent", once), []);

        Assert.NotNull(refused.QuerySelector(".ds_error-summary"));
        Assert.Equal(1, await CountAsync("Corrected then sent"));
    }

    [Fact]
    public async Task AnotherPersonsToken_IsRefused_AndSaysNothingOfWhereItLed()
    {
        var lead = await AsAsync(factory, Lead);
        var other = await AsAsync(factory, Contributor1);
        var once = await OnceTokenAsync(lead);
        await EvidenceSteps.PostMultipartAsync(lead, "/evidence/add", Evidence("Someone else's token", once), []);

        var refused = await EvidenceSteps.PostMultipartAsync(other, "/evidence/add", Evidence("Someone else's token", once), []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await CountAsync("Someone else's token"));
    }

    [GeneratedRegex("name=\"__Once\" value=\"([^\"]+)\"")]
    private static partial Regex OnceField();
}
