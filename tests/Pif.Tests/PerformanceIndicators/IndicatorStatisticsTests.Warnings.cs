using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>Grades checked against linked indicators on the real files: a warning where the data contradicts, none where it does not.</summary>
public sealed partial class IndicatorStatisticsTests
{
    [Fact]
    public async Task GradeOfFive_OnAnIndicatorOfConcern_IsWarnedOnTheQiPageAndTheOverview_AndNotWhereTheDataAgree()
    {
        await ImportRealAsync();
        var national = await AsAsync(factory, IndicatorImportSteps.NationalAdmin);
        var lead = await AsAsync(factory, Lead);
        var contributor = await AsAsync(factory, Contributor1);
        var inspector = await AsAsync(factory, "inspector@pif.example");

        // SW01 (a rising cost per hour, where lower is better) speaks to 1.1; CHN09 (steady) to 1.2.
        var nothing = await Html.ParseAsync(await national.PostFormAsync("/performance-indicators/SW01/quality-indicators", ("Qi", "")));
        await national.PostFormAsync("/performance-indicators/SW01/quality-indicators", ("Qi", "PIF|1.1"));
        await national.PostFormAsync("/performance-indicators/CHN09/quality-indicators", ("Qi", "PIF|1.2"));
        var again = await Html.ParseAsync(await national.PostFormAsync("/performance-indicators/SW01/quality-indicators", ("Qi", "PIF|1.1")));
        var leadLinks = await lead.PostFormAsync("/performance-indicators/SW01/quality-indicators", ("Qi", "PIF|1.3"));
        var listed = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW01/quality-indicators", TestContext.Current.CancellationToken));

        var id = await StartAsync(factory, "Checked against the data");
        var qis = await PrepareAsync(factory, id, "1.1", "1.2");
        await ContributeAsync(contributor, id, qis["1.1"], 5);
        await ContributeAsync(contributor, id, qis["1.2"], 5);

        var warned = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["1.1"]}", TestContext.Current.CancellationToken));
        var quiet = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["1.2"]}", TestContext.Current.CancellationToken));
        var overview = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        var contributorView = await Html.ParseAsync(await contributor.GetAsync($"/self-evaluations/{id}/qis/{qis["1.1"]}", TestContext.Current.CancellationToken));

        Assert.Equal(["Choose the quality indicator this indicator speaks to"], nothing.QuerySelectorAll(".ds_error-summary li").Select(e => e.Text()));
        Assert.Equal(["SW01 is linked to PIF 1.1 already"], again.QuerySelectorAll(".ds_error-summary li").Select(e => e.Text()));
        Assert.Equal(HttpStatusCode.Forbidden, leadLinks.StatusCode);
        Assert.StartsWith("PIF 1.1: ", listed.QuerySelector("#Linked li").Text(), StringComparison.Ordinal);
        Assert.Null(listed.QuerySelector("#Qi"));

        const string Warning = "A grade of 5, but SW01's control chart shows special-cause concern among its last 3 figures (2020-21 to 2022-23).";
        Assert.Equal([Warning], warned.QuerySelectorAll("#DataWarnings li").Select(e => e.Text()));
        Assert.Null(quiet.QuerySelector("#DataWarnings"));
        Assert.Equal(["1.1: " + Warning], overview.QuerySelectorAll("#DataWarnings li").Select(e => e.Text()));
        Assert.Null(contributorView.QuerySelector("#DataWarnings"));

        // The link inspector sees the warning on the agreed grade of a submitted self-evaluation.
        var submittedId = await StartAsync(factory, "Submitted with a grade the data question", 2027);
        var submitted = await SubmitAsync(factory, lead, submittedId, ("1.1", 6));
        var inspectorView = await Html.ParseAsync(await inspector.GetAsync($"/self-evaluations/{submittedId}/qis/{submitted["1.1"]}", TestContext.Current.CancellationToken));
        Assert.Equal([Warning.Replace("grade of 5", "grade of 6", StringComparison.Ordinal)], inspectorView.QuerySelectorAll("#DataWarnings li").Select(e => e.Text()));

        // Evidence that points to SW01, kept from its page and linked to 1.2, has 1.2's grade checked against SW01 too.
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());
        var add = await Html.ParseAsync(await lead.GetAsync($"/evidence/add?indicatorOf=SW01&indicatorCouncil={glasgow}", TestContext.Current.CancellationToken));
        Assert.Equal("SW01 for Glasgow City, 2022-23", add.QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.Equal($"https://localhost/performance-indicators/SW01?council={glasgow}", add.QuerySelector("#Form_Link")!.GetAttribute("value"));
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = "SW01 for Glasgow City, 2022-23",
            ["Form.Kind"] = "PerformanceData",
            ["Form.Summary"] = "Home care costs per hour",
            ["Form.Source"] = "SW01 as imported into Pif",
            ["Form.EffectiveFrom"] = "2022-04-01",
            ["Form.EffectiveTo"] = "2023-03-31",
            ["Form.ReviewDate"] = "2027-01-31",
            ["Form.Link"] = $"https://localhost/performance-indicators/SW01?council={glasgow}",
        };
        await Evidence.EvidenceSteps.PostMultipartAsync(lead, "/evidence/add", fields, []);
        var item = await factory.QueryAsync(db => db.EvidenceItems.Where(e => e.Title == "SW01 for Glasgow City, 2022-23").Select(e => e.Id).SingleAsync());
        await lead.PostFormAsync($"/self-evaluations/{id}/qis/{qis["1.2"]}/evidence?handler=Link", ("itemId", item.ToString()));
        var evidenced = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["1.2"]}", TestContext.Current.CancellationToken));
        Assert.Equal([Warning], evidenced.QuerySelectorAll("#DataWarnings li").Select(e => e.Text()));

        // A grade of 3 raises no question, whatever the data.
        await ContributeAsync(contributor, id, qis["1.1"], 3, stamp: await factory.QueryAsync(db => db.EvaluationRecords
            .Where(r => r.QiEvaluationId == qis["1.1"] && r.Kind == Pif.Web.Modules.SelfEvaluations.RecordKind.Contribution).Select(r => r.ConcurrencyStamp.ToString()).SingleAsync()));
        var settled = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["1.1"]}", TestContext.Current.CancellationToken));
        Assert.Null(settled.QuerySelector("#DataWarnings"));
    }
}
