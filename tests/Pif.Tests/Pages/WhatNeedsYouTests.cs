using Pif.Testing;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.Pages;

/// <summary>The home page's "what needs you", for a contributor and for a named lead.</summary>
public sealed class WhatNeedsYouTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const string Inspector = "inspector@pif.example";

    /// <summary>The items listed under the self-evaluation with this title.</summary>
    private static async Task<List<string>> ItemsAsync(HttpClient client, string title)
    {
        var home = await Html.ParseAsync(await client.GetAsync("/", TestContext.Current.CancellationToken));
        var heading = home.QuerySelectorAll("h3").SingleOrDefault(h => h.Text().EndsWith(title, StringComparison.Ordinal));
        return heading?.NextElementSibling?.QuerySelectorAll("li").Select(li => li.Text()).ToList() ?? [];
    }

    [Fact]
    public async Task Contributor_SeesTheQualityIndicatorsAssignedToThemThatAreNotComplete()
    {
        var id = await StartAsync(factory, "Contributor's list");
        var qis = await PrepareAsync(factory, id, "5.2", "7.2", "9.2");
        var one = await AsAsync(factory, Contributor1);
        await ContributeAsync(one, id, qis["5.2"], 4);
        await ContributeAsync(one, id, qis["7.2"], 3, complete: false);

        var items = await ItemsAsync(one, "To write in Contributor's list");
        var other = await ItemsAsync(await AsAsync(factory, Contributor2), "To write in Contributor's list");

        Assert.Equal(["7.2 Supervision, training and professional development: started, not marked complete", "9.2 Leadership of strategy and direction: not started"], items);
        Assert.Equal(3, other.Count);
    }

    [Fact]
    public async Task Lead_SeesWhatIsLeft_TheInspectorsNewComments_AndAReturnWithItsReason()
    {
        var lead = await AsAsync(factory, Lead);
        var inspector = await AsAsync(factory, Inspector);
        var id = await StartAsync(factory, "Lead's list");
        var qis = await PrepareAsync(factory, id, "5.2", "7.2");
        await AgreeAsync(lead, id, qis["5.2"], 4);
        var left = await ItemsAsync(lead, "Lead's list");
        await AgreeAsync(lead, id, qis["7.2"], 3);
        var ready = await ItemsAsync(lead, "Lead's list");
        await lead.PostFormAsync($"/self-evaluations/{id}/submit");
        await inspector.PostFormAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}?handler=Comment", ("Comment.Kind", "Challenge"), ("Comment.Text", "How do you know?"));
        await inspector.PostFormAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}?handler=Comment", ("Comment.Kind", "Support"), ("Comment.Text", "Good audit trail."));
        var commented = await ItemsAsync(lead, "Lead's list");
        await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}", TestContext.Current.CancellationToken);
        var read = await ItemsAsync(lead, "Lead's list");
        await inspector.PostFormAsync($"/self-evaluations/{id}?handler=Return", ("Reason", "Look again at 7.2\nwith the case files."));
        var returned = await ItemsAsync(lead, "Lead's list");

        Assert.Equal(["1 of 2 quality indicators needs an agreed grade before you can submit: see what is left in Lead's list"], left);
        Assert.Equal(["Every quality indicator has an agreed grade: check and submit it to the link inspector: Lead's list"], ready);
        Assert.Equal(["New comments from the link inspector since you last looked: 5.2 (2)"], commented);
        Assert.Equal(["With the link inspector: nothing needs you until they comment, return it or validate it."], read);
        Assert.StartsWith("Returned by the link inspector on ", returned[0], StringComparison.Ordinal);
        Assert.EndsWith("Their reason: Look again at 7.2 with the case files.", returned[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_SeesAValidatedSelfEvaluationWaitingToBePublished()
    {
        var lead = await AsAsync(factory, Lead);
        var inspector = await AsAsync(factory, Inspector);
        var id = await StartAsync(factory, "Ready to publish");
        var qis = await SubmitAsync(factory, lead, id, ("5.2", 4));
        await DecideAsync(inspector, id, qis["5.2"], agrees: true);
        await ValidateAsync(inspector, id);

        var home = await Html.ParseAsync(await lead.GetAsync("/", TestContext.Current.CancellationToken));
        var item = home.QuerySelectorAll("h3").Single(h => h.Text() == "Ready to publish").NextElementSibling!.QuerySelector("li")!;

        Assert.StartsWith("Validated on ", item.Text(), StringComparison.Ordinal);
        Assert.Equal($"/self-evaluations/{id}/publish", item.QuerySelector("a")!.GetAttribute("href"));
    }
}
