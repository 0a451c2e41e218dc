using System.Net;
using System.Text.Json;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.CaseStudies.CaseStudySteps;

namespace Pif.Tests.CaseStudies;

/// <summary>GET /api/v1/case-studies and /api/v1/case-studies/{id}: published case studies only, with clear refusals.</summary>
public sealed class CaseStudiesApiTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await (await AsAsync(factory, Lead)).GetAsync(path, TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task Search_GivesPublishedCaseStudies_ByWordQiAndServiceArea()
    {
        var adults = await PublishedAsync(factory, Input("Puffin day services", areas: Pif.Web.Modules.SelfEvaluations.ServiceAreas.AdultServices, qis: ["PIF|2.1"]));
        var children = await PublishedAsync(factory, Input("Puffin family centres", qis: ["PIF|5.1"]));
        await DraftAsync(factory, Input("Puffin draft"));

        var (status, all) = await GetAsync("/api/v1/case-studies?q=puffin");
        var (_, byQi) = await GetAsync("/api/v1/case-studies?q=puffin&qi=PIF%202.1");
        var (_, byArea) = await GetAsync("/api/v1/case-studies?q=puffin&serviceArea=ChildrenAndFamilies");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal([adults], byQi.GetProperty("caseStudies").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal([children], byArea.GetProperty("caseStudies").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal("Fife", byArea.GetProperty("caseStudies")[0].GetProperty("council").GetString());
    }

    [Fact]
    public async Task OneCaseStudy_IsItsPublishedRevision_InMarkdown()
    {
        var id = await PublishedAsync(factory, Input("Gannet reviews", qis: ["PIF|5.3"]));
        var draft = await DraftAsync(factory, Input("Gannet draft"));

        var (status, body) = await GetAsync($"/api/v1/case-studies/{id}");
        var (missing, problem) = await GetAsync($"/api/v1/case-studies/{draft}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Gannet reviews", body.GetProperty("title").GetString());
        Assert.Equal("Assessments took **14 weeks** on average.", body.GetProperty("problem").GetString());
        Assert.Equal(["ChildrenAndFamilies"], body.GetProperty("serviceAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("5.3", body.GetProperty("qualityIndicators")[0].GetProperty("qi").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("There is no published case study with that id.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("serviceArea=Everything", "serviceArea", "Give serviceArea as ChildrenAndFamilies, AdultServices, JusticeSocialWork or WholeService")]
    [InlineData("serviceArea=3", "serviceArea", "Give serviceArea as ChildrenAndFamilies, AdultServices, JusticeSocialWork or WholeService")]
    [InlineData("qi=5.2", "qi", "Give qi as a framework code and a QI code, such as PIF 5.2")]
    [InlineData("page=0", "page", "Give page as 1 or more")]
    public async Task BadParameters_AreRefusedSayingWhatToFix(string query, string field, string message)
    {
        var (status, body) = await GetAsync($"/api/v1/case-studies?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = body.GetProperty("problems")[0];
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(message, problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AThousandCharacterQuery_IsRefused_WithAMessage()
    {
        var (status, body) = await GetAsync($"/api/v1/case-studies?q={new string('a', 1000)}");
        var page = await Html.ParseAsync(await (await AsAsync(factory, Lead)).GetAsync($"/case-studies?Q={new string('a', 1000)}", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Search for 200 characters or fewer: a few words from the case study work best", body.GetProperty("problems")[0].GetProperty("message").GetString());
        Assert.Contains("Search for 200 characters or fewer", page.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
    }
}
