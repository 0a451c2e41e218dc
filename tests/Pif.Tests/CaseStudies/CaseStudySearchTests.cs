using Pif.Testing;
using Pif.Web.Modules.CaseStudies;
using static Pif.Tests.CaseStudies.CaseStudySteps;

namespace Pif.Tests.CaseStudies;

/// <summary>Search over published case studies, on whichever database the run uses (the CI runs it on both).</summary>
public sealed class CaseStudySearchTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Search_FindsByAWordInTheBody_WithItsStem_AndRanksATitleMatchFirst()
    {
        var inTitle = await PublishedAsync(factory, Input("Befriending for isolated older people", "Befriending visits doubled and loneliness scores fell."));
        var inBody = await PublishedAsync(factory, Input("Quicker reviews of care plans", "Reviews now include a befriending offer."));
        var neither = await PublishedAsync(factory, Input("Fewer missed visits", "Missed visits halved."));

        var results = await SearchAsync(factory, "befriended");

        Assert.Equal([inTitle, inBody], results.Hits.Select(h => h.Id));
        Assert.DoesNotContain(neither, results.Hits.Select(h => h.Id));
        Assert.Equal(2, results.Total);
        Assert.Contains("<mark>", results.Hits[1].Snippet!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OfMoreThanAPage_FollowsTheNextAndPreviousLinks_WithEveryMatchOnce()
    {
        var published = new List<Guid>();
        foreach (var n in Enumerable.Range(1, CaseStudySearch.PageSize + 1))
        {
            published.Add(await PublishedAsync(factory, Input($"Marram grass planting {n}", n % 2 == 0 ? "Marram grass held the dunes." : "The dunes held.")));
        }

        var reader = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Contributor1);
        var first = await Html.ParseAsync(await reader.GetAsync("/case-studies?Q=marram&Area=ChildrenAndFamilies", TestContext.Current.CancellationToken));
        var next = first.QuerySelector(".ds_pagination__link")!;
        var second = await Html.ParseAsync(await reader.GetAsync(next.GetAttribute("href"), TestContext.Current.CancellationToken));
        var back = await Html.ParseAsync(await reader.GetAsync(second.QuerySelector(".ds_pagination__link")!.GetAttribute("href"), TestContext.Current.CancellationToken));

        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) => [.. page.QuerySelectorAll(".ds_search-result__title a").Select(a => a.Text())];
        Assert.Equal("Next page", next.Text());
        Assert.Equal("Page 2 of 2", second.QuerySelector(".ds_pagination p")!.Text());
        Assert.Equal("21", second.QuerySelector(".ds_search-results__list")!.GetAttribute("start"));
        Assert.Equal(CaseStudySearch.PageSize, Titles(first).Count);
        Assert.Equal(Enumerable.Range(1, CaseStudySearch.PageSize + 1).Select(n => $"Marram grass planting {n}").Order(), Titles(first).Concat(Titles(second)).Order());
        Assert.Equal(Titles(first), Titles(back));
        Assert.Contains("Area=ChildrenAndFamilies", next.GetAttribute("href"), StringComparison.Ordinal);
        var unfiltered = await Html.ParseAsync(await reader.GetAsync("/case-studies?Q=marram", TestContext.Current.CancellationToken));
        var unfilteredNext = await Html.ParseAsync(await reader.GetAsync("/case-studies?Q=marram&page=2", TestContext.Current.CancellationToken));
        Assert.Equal(Titles(first).Concat(Titles(second)).Order(), Titles(unfiltered).Concat(Titles(unfilteredNext)).Order());
        var past = await reader.GetAsync("/case-studies?Q=marram&Area=ChildrenAndFamilies&page=9", TestContext.Current.CancellationToken);
        Assert.Equal("/case-studies?Q=marram&Area=ChildrenAndFamilies&page=2", past.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Equal(Titles(second), Titles(await Html.ParseAsync(past)));
    }

    [Fact]
    public async Task SearchPage_AskedAgainAfterAPublish_FindsTheNewCaseStudy()
    {
        var reader = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Contributor1);
        async Task<string> HeadingAsync(string q) =>
            (await Html.ParseAsync(await reader.GetAsync($"/case-studies?Q={q}", TestContext.Current.CancellationToken))).QuerySelector("#Results")!.Text().Trim();
        Assert.Equal("No case studies found", await HeadingAsync("heronry"));
        Assert.Equal("No case studies found", await HeadingAsync("Heronry"));

        await PublishedAsync(factory, Input("Heronry walks for carers", "Walks past the heronry, monthly."));

        Assert.Equal("1 case study found", await HeadingAsync("HERONRY"));
        Assert.Equal("1 case study found", await HeadingAsync("heronry"));
    }

    [Fact]
    public async Task Search_NeedsEveryWord()
    {
        var both = await PublishedAsync(factory, Input("Hospital discharge without delay", "Delayed discharges fell; reablement started within a day."));
        await PublishedAsync(factory, Input("Reablement at home", "Reablement goals met for more people."));

        var results = await SearchAsync(factory, "reablement discharge");

        Assert.Equal([both], results.Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(a b) OR NOT -x")]
    [InlineData("title:foo* ^bar")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("'; DROP TABLE case_studies; --")]
    [InlineData("***")]
    [InlineData("the and of")]
    public async Task Search_WithQuotesOperatorsOrWildcards_NeverFails(string query)
    {
        await PublishedAsync(factory, Input("Operators in a title", "Nothing special here."));

        var results = await SearchAsync(factory, query);

        Assert.True(results.Total >= 0);
    }

    [Fact]
    public async Task ALongQuery_IsRefusedWithAMessage()
    {
        Assert.Equal("Search for 200 characters or fewer: a few words from the case study work best", CaseStudySearch.Refusal(new string('a', 1000)));
        Assert.Null(CaseStudySearch.Refusal(new string('a', 200)));
        await Assert.ThrowsAsync<ArgumentException>(() => SearchAsync(factory, new string('a', 1000)));
    }

    [Fact]
    public async Task Drafts_SubmittedAndWithdrawnCaseStudies_AreNotFound()
    {
        var draft = await DraftAsync(factory, Input("Zygomorphic draft", "Zygomorphic words."));
        var submitted = await DraftAsync(factory, Input("Zygomorphic submitted", "Zygomorphic words."));
        await SubmitAsync(factory, submitted);
        var withdrawn = await PublishedAsync(factory, Input("Zygomorphic withdrawn", "Zygomorphic words."));
        var national = await TestData.AccessAsync(factory, National);
        Succeeded(await WithAsync<CaseStudyReviewService>(factory, async s => await s.WithdrawAsync(national, withdrawn, await StampAsync(factory, withdrawn), "Out of date", CancellationToken.None)));

        var results = await SearchAsync(factory, "zygomorphic");

        Assert.Empty(results.Hits);
        Assert.NotEqual(draft, submitted);
    }

    [Fact]
    public async Task Filters_NarrowTheResults()
    {
        var older = await PublishedAsync(factory, Input("Quokka outreach 2021", year: 2021, areas: Pif.Web.Modules.SelfEvaluations.ServiceAreas.AdultServices, qis: ["PIF|5.2"]));
        var newer = await PublishedAsync(factory, Input("Quokka outreach 2024", year: 2024, qis: ["PIF|9.1"]));

        Assert.Equal([older], (await SearchAsync(factory, "quokka", new(Year: 2021))).Hits.Select(h => h.Id));
        Assert.Equal([older], (await SearchAsync(factory, "quokka", new(Qi: "PIF|5.2"))).Hits.Select(h => h.Id));
        Assert.Equal([older], (await SearchAsync(factory, "quokka", new(Area: Pif.Web.Modules.SelfEvaluations.ServiceAreas.AdultServices))).Hits.Select(h => h.Id));
        Assert.Equal([newer], (await SearchAsync(factory, "quokka", new(Qi: "PIF|9.1"))).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task ANewRevision_ReplacesTheWordsFound_OnlyOnceItIsPublished()
    {
        var id = await PublishedAsync(factory, Input("Axolotl practice model", "The axolotl model spread."));
        var lead = await TestData.AccessAsync(factory, FifeLead);
        Succeeded(await WithAsync<CaseStudiesService>(factory, async s => await s.ReviseAsync(lead, id, await StampAsync(factory, id), CancellationToken.None)));
        Succeeded(await WithAsync<CaseStudiesService>(factory, async s => await s.UpdateAsync(lead, id, await StampAsync(factory, id), Input("Capybara practice model", "The capybara model spread."), CancellationToken.None)));

        Assert.Equal([id], (await SearchAsync(factory, "axolotl")).Hits.Select(h => h.Id));
        Assert.Empty((await SearchAsync(factory, "capybara")).Hits);

        await SubmitAsync(factory, id);
        await PublishAsync(factory, id);

        Assert.Empty((await SearchAsync(factory, "axolotl")).Hits);
        Assert.Equal([id], (await SearchAsync(factory, "capybara")).Hits.Select(h => h.Id));
    }
}
