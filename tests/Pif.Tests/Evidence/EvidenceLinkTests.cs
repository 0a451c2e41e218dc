using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Evidence.EvidenceSteps;

namespace Pif.Tests.Evidence;

/// <summary>Linking evidence to the judgements it supports, triangulation on the pages, and who sees linked evidence.</summary>
public sealed class EvidenceLinkTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Link_FromTheQiPage_ShowsTheFamilies_AndTheWarningsChangeAsEvidenceIsAdded()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Linking test");
        var qis = await PrepareAsync(factory, id, "5.1", "5.2");
        var one = await AsAsync(factory, Contributor1);
        await ContributeAsync(one, id, qis["5.1"], 5);
        var qiPath = $"/self-evaluations/{id}/qis/{qis["5.1"]}";

        var before = await Html.ParseAsync(await one.GetAsync(qiPath, TestContext.Current.CancellationToken));
        var overview = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        var survey = await ItemAsync(one, "Staff survey 2026", "StaffSurvey");
        await LinkAsync(one, qiPath, survey);
        var oneFamily = await Html.ParseAsync(await one.GetAsync(qiPath, TestContext.Current.CancellationToken));
        var policy = await ItemAsync(one, "Supervision policy", "Document");
        await LinkAsync(one, qiPath, policy);
        var twoFamilies = await Html.ParseAsync(await one.GetAsync(qiPath, TestContext.Current.CancellationToken));

        Assert.Equal(["A grade with no evidence linked"], before.QuerySelectorAll("#evidence ~ .ds_warning-text li").Select(l => l.Text()));
        Assert.Contains("5.1: a grade with no evidence linked", overview.QuerySelector(".pif-warnings").Text(), StringComparison.Ordinal);
        Assert.Equal("Covers 1 of the 4 families of evidence: People's views.", oneFamily.QuerySelector("#evidence + p").Text());
        Assert.Equal(["A top grade resting on fewer than two families of evidence"], oneFamily.QuerySelectorAll("#evidence ~ .ds_warning-text li").Select(l => l.Text()));
        Assert.Equal("Covers 2 of the 4 families of evidence: People's views, Documentation.", twoFamilies.QuerySelector("#evidence + p").Text());
        Assert.Empty(twoFamilies.QuerySelectorAll("#evidence ~ .ds_warning-text li"));
        Assert.Equal(["People's views", "Documentation"], twoFamilies.QuerySelectorAll("#evidence ~ h3").Select(h => h.Text()).Take(2));
        // The named lead of a self-evaluation it supports may change contributor 1's evidence; contributor 2 may not.
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/evidence/{survey}/edit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await AsAsync(factory, Contributor2)).GetAsync($"/evidence/{survey}/edit", TestContext.Current.CancellationToken)).StatusCode);
        var supports = await Html.ParseAsync(await one.GetAsync("/evidence?Qi=5.1", TestContext.Current.CancellationToken));
        var unlinked = await Html.ParseAsync(await one.GetAsync("/evidence?Qi=none", TestContext.Current.CancellationToken));
        Assert.Equal(["Staff survey 2026", "Supervision policy"], supports.QuerySelectorAll("tbody th a").Select(a => a.Text()).Order());
        Assert.DoesNotContain(unlinked.QuerySelectorAll("tbody th a"), a => a.Text() is "Staff survey 2026" or "Supervision policy");
        var history = await Html.ParseAsync(await one.GetAsync(qiPath, TestContext.Current.CancellationToken));
        Assert.Contains("evidence.linked", await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityId == qis["5.1"]).Select(a => a.Action).ToListAsync()));
        Assert.NotNull(history.QuerySelector("#history-heading"));
    }

    [Fact]
    public async Task Link_ToAQiTheyDoNotWriteOn_Is403_AndAnotherCouncilGets404()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Link access");
        var qis = await PrepareAsync(factory, id, "6.1", "6.2");
        var two = await AsAsync(factory, Contributor2);
        var contributor1 = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync());
        var contributor2 = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor2).Select(u => u.Id).SingleAsync());
        await lead.PostFormAsync($"/self-evaluations/{id}/assignments", ("Assigned", $"{qis["6.1"]}:{contributor1}"), ("Assigned", $"{qis["6.2"]}:{contributor2}"));
        var fife = await AsAsync(factory, "lead.fife@pif.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await two.GetAsync($"/self-evaluations/{id}/qis/{qis["6.1"]}/evidence", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync($"/self-evaluations/{id}/qis/{qis["6.2"]}/evidence", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/self-evaluations/{id}/qis/{qis["6.1"]}/evidence", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Link_AnAssigneeWhoIsNoLongerAContributor_IsNeitherOfferedNorAllowedIt()
    {
        // Once an administrator, the former contributor still sees the self-evaluation, but writes on no QI.
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Role changed");
        var qis = await PrepareAsync(factory, id, "8.1");
        var user = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor2).Select(u => u.Id).SingleAsync());
        var two = await AsAsync(factory, Contributor2);
        var qiPath = $"/self-evaluations/{id}/qis/{qis["8.1"]}";
        var asContributor = await Html.ParseAsync(await two.GetAsync(qiPath, TestContext.Current.CancellationToken));
        await SetRoleAsync(user, OrganisationRole.OrganisationAdministrator);
        try
        {
            var asAdministrator = await Html.ParseAsync(await two.GetAsync(qiPath, TestContext.Current.CancellationToken));
            var linkPage = await two.GetAsync($"{qiPath}/evidence", TestContext.Current.CancellationToken);

            Assert.NotNull(asContributor.QuerySelector("a[href$='/evidence'].ds_button"));
            Assert.Null(asAdministrator.QuerySelector("a[href$='/evidence'].ds_button"));
            Assert.Equal(HttpStatusCode.Forbidden, linkPage.StatusCode);
        }
        finally
        {
            // The demo contributor is shared by this class's other tests.
            await SetRoleAsync(user, OrganisationRole.Contributor);
        }
    }

    private Task<int> SetRoleAsync(Guid user, OrganisationRole role) =>
        factory.QueryAsync(db => db.Memberships.Where(m => m.UserId == user).ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, role)));

    [Fact]
    public async Task AfterSubmission_UnlinkingAndDeletingAreRefused_TheInspectorReadsTheFile_AndAViewerOnlyOncePublishedWithoutFiles()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Locked evidence");
        var qis = await PrepareAsync(factory, id, "7.1");
        var qiPath = $"/self-evaluations/{id}/qis/{qis["7.1"]}";
        var added = await AddAsync(lead, "Audit of case files", "CaseFileAudit", ("audit.pdf", Pdf));
        var item = added.RequestMessage!.RequestUri!.AbsolutePath;
        var file = (await Html.ParseAsync(added)).QuerySelector("a[download]")!.GetAttribute("href")!;
        await LinkAsync(lead, qiPath, Guid.Parse(item.Split('/')[^1]));
        await AgreeAsync(lead, id, qis["7.1"], 4);
        await lead.PostFormAsync($"/self-evaluations/{id}/submit");

        var unlink = await Html.ParseAsync(await lead.PostFormAsync($"{qiPath}/evidence?handler=Unlink", ("itemId", item.Split('/')[^1])));
        var delete = await Html.ParseAsync(await lead.PostFormAsync(item + "?handler=Delete"));
        var form = await Html.ParseAsync(await lead.GetAsync(item + "/edit", TestContext.Current.CancellationToken));
        (string, string)[] Fields(string kind) => [("Form.Title", "Audit of case files, 2026"), ("Form.Kind", kind), ("Form.EffectiveFrom", "2026-01-01"), ("Form.EffectiveTo", "2026-03-31"),
            ("Form.OwnerId", form.QuerySelector("#Form_OwnerId option[selected]")!.GetAttribute("value")!), ("Form.Stamp", form.QuerySelector("input[name='Form.Stamp']")!.GetAttribute("value")!)];
        var rekinded = await Html.ParseAsync(await lead.PostFormAsync(item + "/edit", Fields("StaffSurvey")));
        var renamed = await lead.PostFormAsync(item + "/edit", Fields("CaseFileAudit"));
        var inspector = await AsAsync(factory, "inspector@pif.example");
        var viewer = await AsAsync(factory, "viewer.glasgow@pif.example");

        Assert.Equal("This evidence supports Locked evidence, which has been submitted, so it cannot be given another kind or period now", rekinded.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal("Audit of case files, 2026", (await Html.ParseAsync(renamed)).QuerySelector("h1").Text());
        Assert.Equal("Locked evidence is submitted, so the evidence for its quality indicators cannot change now", unlink.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal("This evidence supports Locked evidence, which has been submitted, so it cannot be deleted now", delete.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync(file, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(item, TestContext.Current.CancellationToken)).StatusCode);

        var inspectorQi = await Html.ParseAsync(await inspector.GetAsync(qiPath, TestContext.Current.CancellationToken));
        Assert.Equal(["Audit of case files, 2026"], inspectorQi.QuerySelectorAll(".pif-evidence-list a").Select(a => a.Text()));
        await DecideAsync(inspector, id, qis["7.1"], agrees: true);
        await ValidateAsync(inspector, id);
        await lead.PostFormAsync($"/self-evaluations/{id}/publish");
        var seen = await Html.ParseAsync(await viewer.GetAsync(item, TestContext.Current.CancellationToken));
        Assert.Equal("Audit of case files, 2026", seen.QuerySelector("h1").Text());
        Assert.Null(seen.QuerySelector("a[download]"));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(file, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1" + file, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task AddNew_FromTheQiPage_LinksItAtOnce()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Add and link");
        var qis = await PrepareAsync(factory, id, "8.1");

        var added = await Html.ParseAsync(await PostMultipartAsync(lead, $"/evidence/add?linkTo={qis["8.1"]}", new Dictionary<string, string>
        {
            ["Form.Title"] = "Commissioning plan",
            ["Form.Kind"] = "Document",
            ["Form.EffectiveFrom"] = "2026-01-01",
            ["Form.EffectiveTo"] = "2026-12-31",
        }, []));

        Assert.Equal("The evidence has been added to the library and supports 8.1", added.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(["Commissioning plan"], added.QuerySelectorAll(".pif-evidence-list a").Select(a => a.Text()));
    }

    private static async Task<Guid> ItemAsync(HttpClient client, string title, string kind) =>
        Guid.Parse((await AddAsync(client, title, kind)).RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);

    [Fact]
    public async Task AuditLogAndQiHistory_SayWhatHappenedInWords_WithoutCodesJsonOrIds()
    {
        await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Words, not codes");
        var qis = await PrepareAsync(factory, id, "5.2");
        var one = await AsAsync(factory, Contributor1);
        var qiPath = $"/self-evaluations/{id}/qis/{qis["5.2"]}";
        await LinkAsync(one, qiPath, await ItemAsync(one, "Staff survey 2026 for words", "StaffSurvey"));
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");

        var audit = await Html.ParseAsync(await admin.GetAsync("/audit", TestContext.Current.CancellationToken));
        var history = await Html.ParseAsync(await one.GetAsync(qiPath, TestContext.Current.CancellationToken));

        var linked = "Linked the evidence 'Staff survey 2026 for words' to 5.2 of 'Words, not codes'";
        Assert.Contains(audit.QuerySelectorAll("tbody tr td:nth-child(3)"), c => c.Text() == linked);
        Assert.Contains(audit.QuerySelectorAll("tbody tr td:nth-child(3)"), c => c.Text() == "Added the evidence 'Staff survey 2026 for words'");
        Assert.Contains(history.QuerySelectorAll("#history-heading ~ div tbody tr td:nth-child(3)"), c => c.Text() == linked);
        foreach (var table in new[] { audit, history }.Select(p => p.QuerySelector("main table tbody")!.Text()))
        {
            Assert.DoesNotMatch("[{}]|evidence\\.linked|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", table);
        }
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, string qiPath, Guid item) =>
        client.PostFormAsync($"{qiPath}/evidence?handler=Link", ("itemId", item.ToString()));
}
