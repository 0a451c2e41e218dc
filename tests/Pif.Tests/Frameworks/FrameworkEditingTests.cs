using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Frameworks;

/// <summary>National administrators edit a draft through the pages, with messages next to each field.</summary>
public sealed class FrameworkEditingTests : IAsyncLifetime
{
    private readonly PifWebFactory factory = new();
    private HttpClient admin = null!;

    public async ValueTask InitializeAsync()
    {
        admin = await FrameworkClients.SignedInAsync(factory);
        await FrameworkClients.ImportThroughPagesAsync(admin, Fixtures.Read(Fixtures.School));
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    [Fact]
    public async Task AddQi_WithNothingEntered_SaysWhatToFixNextToEachField()
    {
        var page = await Html.ParseAsync(await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft/qis", ("Form.Code", ""), ("Form.Title", ""), ("Form.Summary", ""), ("Form.GroupId", "")));

        Assert.Equal(["Enter the QI's code, such as 9.2", "Enter the QI's title", "Enter a summary of what the QI covers", "Choose the group the QI belongs to"],
            page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("Enter the QI's title", page.QuerySelector("#Form_Title")!.ParentElement!.QuerySelector(".ds_question__error-message").Text());
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddQi_WithACodeInUse_OrASecondOverallJudgement_IsRefusedNextToTheField()
    {
        var group = await GroupIdAsync("2");
        await Save(("Form.Code", "2.8"), ("Form.Title", "Overall"), ("Form.Summary", "Everything."), ("Form.GroupId", group), ("Form.IsOverallJudgement", "true"));

        var duplicate = await Html.ParseAsync(await Save(("Form.Code", "1.1"), ("Form.Title", "Again"), ("Form.Summary", "Again."), ("Form.GroupId", group)));
        var overall = await Html.ParseAsync(await Save(("Form.Code", "2.9"), ("Form.Title", "Also overall"), ("Form.Summary", "Again."), ("Form.GroupId", group), ("Form.IsOverallJudgement", "true")));

        Assert.Equal("Another QI has the code 1.1: give each QI its own code", duplicate.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal("#Form_Code", duplicate.QuerySelector(".ds_error-summary a")!.GetAttribute("href"));
        Assert.Equal("2.8 is already the overall judgement, and there can be only one: change 2.8 first", overall.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal(16, await QiCountAsync());
    }

    [Fact]
    public async Task Qi_AddedWithEveryPart_ShowsThemAllOnItsPage_AndInTheAuditLog()
    {
        var saved = await Save(("Form.Code", "2.8"), ("Form.Title", "Digital learning"), ("Form.Summary", "How well learners use digital tools."), ("Form.GroupId", await GroupIdAsync("2")));
        var qi = saved.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/frameworks/SCHOOL-QI/draft/qis/[0-9a-f-]{36}$", qi);

        await admin.PostFormAsync($"{qi}/themes", ("Form.Text", "Access to devices"));
        var themeId = await factory.QueryAsync(db => db.QiThemes.Where(t => t.Title == "Access to devices").Select(t => t.Id).SingleAsync());
        await admin.PostFormAsync($"{qi}/illustrations", ("Form.Level", "5"), ("Form.ThemeId", ""), ("Form.Text", "Every learner uses a device daily."));
        await admin.PostFormAsync($"{qi}/illustrations", ("Form.Level", "2"), ("Form.ThemeId", themeId.ToString()), ("Form.Text", "Devices sit unused in a cupboard."));
        var twice = await Html.ParseAsync(await admin.PostFormAsync($"{qi}/illustrations", ("Form.Level", "5"), ("Form.ThemeId", ""), ("Form.Text", "Again.")));
        await admin.PostFormAsync($"{qi}/questions", ("Form.Text", "How many learners used a device last week?"));
        await admin.PostFormAsync($"{qi}/evidence", ("Form.Family", "QuantitativeData"), ("Form.Text", "Device log-in data"));
        var unknown = await Html.ParseAsync(await admin.PostFormAsync($"{qi}/mappings", ("Form.ToFrameworkCode", "PIF"), ("Form.ToQiCode", "99.9"), ("Form.Relation", "Overlaps")));
        await admin.PostFormAsync($"{qi}/mappings", ("Form.ToFrameworkCode", "PIF"), ("Form.ToQiCode", "7.2"), ("Form.Relation", "Overlaps"));

        Assert.Equal("SCHOOL-QI 1 already has an illustration of level 5 for the whole QI: edit that one instead".Replace("SCHOOL-QI 1", "2.8", StringComparison.Ordinal), twice.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal("PIF has no QI 99.9: enter the code of one of its QIs, such as 9.2", unknown.QuerySelector(".ds_error-summary a").Text());
        var view = await Html.ParseAsync(await admin.GetAsync("/frameworks/SCHOOL-QI/versions/1/qis/2.8", TestContext.Current.CancellationToken));
        var main = view.QuerySelector("main").Text();
        foreach (var text in new[] { "Access to devices", "Level 5: Very good Every learner uses a device daily.", "What it looks like: Access to devices", "How many learners used a device last week?", "Quantitative data Device log-in data", "overlaps with 7.2 Supervision, training and professional development" })
        {
            Assert.Contains(text, main, StringComparison.Ordinal);
        }

        Assert.Equal(["framework.imported", "framework.qi-added", "framework.theme-added", "framework.illustration-added", "framework.illustration-added", "framework.question-added", "framework.evidence-added", "framework.mapping-added"],
            await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "framework").OrderBy(a => a.At).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Parts_MoveAndRemove_ChangeTheOrderOnTheQiPage()
    {
        var qi = await QiIdAsync("1.1");
        var page = $"/frameworks/SCHOOL-QI/draft/qis/{qi}";
        var second = await factory.QueryAsync(db => db.QiThemes.Where(t => t.QualityIndicatorId == qi && t.Position == 1).Select(t => t.Id).SingleAsync());

        await admin.PostFormAsync($"{page}?handler=Move", ("part", "themes"), ("itemId", second.ToString()), ("up", "true"));
        var moved = await ThemesAsync(qi);
        var planning = await factory.QueryAsync(db => db.QiThemes.Where(t => t.Title == "Self-evaluation for self-improvement: planning").Select(t => t.Id).SingleAsync());
        var refused = await Html.ParseAsync(await admin.PostFormAsync($"{page}?handler=RemovePart", ("part", "themes"), ("itemId", planning.ToString())));
        await admin.PostFormAsync($"{page}?handler=RemovePart", ("part", "themes"), ("itemId", second.ToString()));

        Assert.Equal(["Self-evaluation for self-improvement: impact", "Self-evaluation for self-improvement: planning"], moved);
        Assert.Contains("Illustrations are written for the theme", refused.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(["Self-evaluation for self-improvement: planning"], await ThemesAsync(qi));
    }

    [Fact]
    public async Task Qi_SavedFromAStaleForm_SaysSomeoneElseChangedIt_AndKeepsTheirChange()
    {
        var qi = await QiIdAsync("1.2");
        var page = $"/frameworks/SCHOOL-QI/draft/qis/{qi}";
        var form = await Html.ParseAsync(await admin.GetAsync(page, TestContext.Current.CancellationToken));
        var stamp = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        var group = await GroupIdAsync("1");
        await admin.PostFormAsync(page, ("Stamp", stamp), ("Form.Code", "1.2"), ("Form.Title", "First save"), ("Form.Summary", "S."), ("Form.GroupId", group));

        var second = await Html.ParseAsync(await admin.PostFormAsync(page, ("Stamp", stamp), ("Form.Code", "1.2"), ("Form.Title", "Second save"), ("Form.Summary", "S."), ("Form.GroupId", group)));

        Assert.StartsWith("Someone else changed this while you were editing it", second.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);
        Assert.Equal("First save", ((IHtmlInputElement)second.QuerySelector("#Form_Title")!).Value);
        Assert.Equal("First save", await factory.QueryAsync(db => db.QualityIndicators.Where(q => q.Id == qi).Select(q => q.Title).SingleAsync()));
    }

    [Fact]
    public async Task Groups_AddEditMoveAndRemove_AndANonEmptyGroupIsKept()
    {
        await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft/groups", ("Form.Code", "4"), ("Form.Title", "Wider achievement"));
        var added = await GroupIdAsync("4");
        await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft?handler=MoveGroup", ("itemId", added), ("up", "true"));
        var order = await factory.QueryAsync(db => db.FrameworkGroups.Where(g => db.FrameworkVersions.Any(v => v.Id == g.VersionId && v.Framework.Code == "SCHOOL-QI")).OrderBy(g => g.Position).Select(g => g.Code).ToListAsync());
        var full = await Html.ParseAsync(await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft?handler=RemoveGroup", ("itemId", await GroupIdAsync("1"))));
        await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft?handler=RemoveGroup", ("itemId", added));
        var invalid = await Html.ParseAsync(await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft/groups", ("Form.Code", "1"), ("Form.Title", "")));

        Assert.Equal(["1", "2", "4", "3"], order);
        Assert.Contains("1 Leadership and management still holds groups or QIs: move or remove them first", full.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.FrameworkGroups.AnyAsync(g => g.Id == Guid.Parse(added))));
        Assert.Equal(["Enter a title"], invalid.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Details_ChangingTheScaleToOneWithoutALevelInUse_IsRefused()
    {
        var page = await Html.ParseAsync(await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft/details",
            ("Stamp", await StampAsync()), ("Form.Title", "How good is our school?"), ("Form.Kind", "Framework"), ("Form.ScaleCode", "radar"), ("Form.TopGroupLabel", "Category")));
        var saved = await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft/details",
            ("Stamp", await StampAsync()), ("Form.Title", "How good is our school?"), ("Form.Kind", "Framework"), ("Form.ScaleCode", "six-point"), ("Form.TopGroupLabel", "Category"));

        Assert.StartsWith("The RADAR percentage scale has no level 2 or 5", page.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);
        Assert.Equal("/frameworks/SCHOOL-QI/draft", saved.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("How good is our school?", await factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == "SCHOOL-QI").Select(v => v.Title).SingleAsync()));
    }

    [Fact]
    public async Task Post_AnItemOfAnotherFrameworksDraft_Returns404AndChangesNothing()
    {
        await admin.PostFormAsync("/frameworks/PIF?handler=StartDraft");
        var schoolGroup = await GroupIdAsync("3");
        var schoolTheme = await factory.QueryAsync(db => db.QiThemes.Where(t => t.Title == "Curriculum: impact").Select(t => t.Id).SingleAsync());
        var pifQi = await factory.QueryAsync(db => db.QualityIndicators.Where(q => q.Code == "9.2" && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "PIF" && v.Number == 2)).Select(q => q.Id).SingleAsync());

        var group = await admin.PostFormAsync("/frameworks/PIF/draft?handler=MoveGroup", ("itemId", schoolGroup), ("up", "true"));
        var part = await admin.PostFormAsync($"/frameworks/PIF/draft/qis/{pifQi}?handler=RemovePart", ("part", "themes"), ("itemId", schoolTheme.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, group.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, part.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.QiThemes.AnyAsync(t => t.Id == schoolTheme)));
        Assert.Equal(2, await factory.QueryAsync(db => db.FrameworkGroups.Where(g => g.Id == Guid.Parse(schoolGroup)).Select(g => g.Position).SingleAsync()));
    }

    [Fact]
    public async Task RenameAndRemoveQi_CarryMappingsWithinTheFramework()
    {
        var from = await QiIdAsync("3.1");
        await admin.PostFormAsync($"/frameworks/SCHOOL-QI/draft/qis/{from}/mappings", ("Form.ToFrameworkCode", "SCHOOL-QI"), ("Form.ToQiCode", "2.1"), ("Form.Relation", "Overlaps"));
        var target = await QiIdAsync("2.1");
        var page = $"/frameworks/SCHOOL-QI/draft/qis/{target}";
        var stamp = (await Html.ParseAsync(await admin.GetAsync(page, TestContext.Current.CancellationToken))).QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;

        await admin.PostFormAsync(page, ("Stamp", stamp), ("Form.Code", "2.1a"), ("Form.Title", "Safeguarding"), ("Form.Summary", "S."), ("Form.GroupId", await GroupIdAsync("2")));
        var renamed = await factory.QueryAsync(db => db.FrameworkMappings.Where(m => m.FromQualityIndicatorId == from).Select(m => m.ToQiCode).SingleAsync());
        await admin.PostFormAsync($"{page}?handler=Remove");

        Assert.Equal("2.1a", renamed);
        Assert.False(await factory.QueryAsync(db => db.FrameworkMappings.AnyAsync(m => m.FromQualityIndicatorId == from)));
    }

    [Theory]
    [InlineData("/frameworks/SCHOOL-QI/draft?handler=Publish")]
    [InlineData("/frameworks/SCHOOL-QI/draft/groups")]
    [InlineData("/frameworks/import?handler=Confirm")]
    [InlineData("/frameworks/PIF?handler=StartDraft")]
    public async Task Post_ByAnyoneButANationalAdministrator_Returns403AndChangesNothing(string path)
    {
        var lead = await FrameworkClients.SignedInAsync(factory, "lead.glasgow@pif.example");
        var token = await lead.GetFormTokenAsync("/account/change-password");

        var response = await lead.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Code"] = "9", ["Form.Title"] = "T", ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["Draft"], await factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == "SCHOOL-QI").Select(v => v.Status.ToString()).ToListAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.FrameworkVersions.CountAsync(v => v.Framework.Code == "PIF")));
    }

    private Task<HttpResponseMessage> Save(params (string, string)[] fields) => admin.PostFormAsync("/frameworks/SCHOOL-QI/draft/qis", fields);

    private Task<string> GroupIdAsync(string code) =>
        factory.QueryAsync(async db => (await db.FrameworkGroups.Where(g => g.Code == code && db.FrameworkVersions.Any(v => v.Id == g.VersionId && v.Framework.Code == "SCHOOL-QI")).Select(g => g.Id).SingleAsync()).ToString());

    private Task<Guid> QiIdAsync(string code) =>
        factory.QueryAsync(db => db.QualityIndicators.Where(q => q.Code == code && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "SCHOOL-QI")).Select(q => q.Id).SingleAsync());

    private Task<int> QiCountAsync() =>
        factory.QueryAsync(db => db.QualityIndicators.CountAsync(q => db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "SCHOOL-QI")));

    private Task<List<string>> ThemesAsync(Guid qi) =>
        factory.QueryAsync(db => db.QiThemes.Where(t => t.QualityIndicatorId == qi).OrderBy(t => t.Position).Select(t => t.Title).ToListAsync());

    private Task<string> StampAsync() =>
        factory.QueryAsync(async db => (await db.FrameworkVersions.Where(v => v.Framework.Code == "SCHOOL-QI").Select(v => v.ConcurrencyStamp).SingleAsync()).ToString());
}
