using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Frameworks;

/// <summary>Draft, publish, retire, the one-draft rule, and a published version that never changes.</summary>
public sealed class FrameworkVersioningTests
{
    [Fact]
    public async Task Draft_StartedFromPublished_PublishesAsNextVersion_AndLeavesTheOldOnePublishedUntilRetired()
    {
        await using var factory = new PifWebFactory();
        var admin = await FrameworkClients.SignedInAsync(factory);

        var started = await admin.PostFormAsync("/frameworks/PIF?handler=StartDraft");
        var again = await Html.ParseAsync(await admin.PostFormAsync("/frameworks/PIF-LEADERSHIP?handler=StartDraft"));
        var second = await Html.ParseAsync(await admin.PostFormAsync("/frameworks/PIF?handler=StartDraft"));

        Assert.Equal("/frameworks/PIF", started.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Contains("PIF already has a draft, version 2", second.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Null(again.QuerySelector(".ds_error-summary"));
        Assert.Equal(25, await factory.QueryAsync(db => db.QualityIndicators.CountAsync(q => q.VersionId == db.FrameworkVersions.Single(v => v.Framework.Code == "PIF" && v.Number == 2).Id)));

        var published = await admin.PostFormAsync("/frameworks/PIF/draft?handler=Publish");

        Assert.Equal("/frameworks/PIF/versions/2", published.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal(["Published", "Published"], await StatusesAsync(factory, "PIF"));

        var version1 = await factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == "PIF" && v.Number == 1).Select(v => v.Id).SingleAsync());
        var retired = await admin.PostFormAsync("/frameworks/PIF?handler=Retire", ("versionId", version1.ToString()));

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(["Retired", "Published"], await StatusesAsync(factory, "PIF"));
        var readable = await Html.ParseAsync(await admin.GetAsync("/frameworks/PIF/versions/1", TestContext.Current.CancellationToken));
        Assert.Contains("This version is retired", readable.QuerySelector(".ds_inset-text").Text(), StringComparison.Ordinal);
        var api = await (await admin.GetAsync("/api/v1/frameworks", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var pif = JsonDocument.Parse(api).RootElement.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "PIF");
        Assert.Equal(["Retired", "Published"], pif.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()));
        Assert.Equal(["framework.draft-started", "framework.draft-started", "framework.published", "framework.retired"],
            await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "framework").OrderBy(a => a.At).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Service_PublishedVersion_RefusesEveryChange()
    {
        await using var factory = new PifWebFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<FrameworkDraftsService>();
        var versions = scope.ServiceProvider.GetRequiredService<FrameworkVersionsService>();
        var db = scope.ServiceProvider.GetRequiredService<Pif.Web.Data.AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAccessAsync(db);
        var qi = await db.QualityIndicators.Include(q => q.Themes).SingleAsync(q => q.Code == "9.2" && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "PIF"), ct);
        var version = await db.FrameworkVersions.SingleAsync(v => v.Id == qi.VersionId, ct);

        ServiceResult[] results =
        [
            await drafts.UpdateQiAsync(admin, qi.Id, qi.ConcurrencyStamp, new QiInput("9.2", "Changed", "Changed", false, qi.GroupId), ct),
            await drafts.AddThemeAsync(admin, qi.Id, "A new theme", ct),
            await drafts.UpdateThemeAsync(admin, qi.Themes[0].Id, qi.Themes[0].ConcurrencyStamp, "Changed", ct),
            await drafts.RemoveQiAsync(admin, qi.Id, ct),
            await drafts.AddGroupAsync(admin, version.Id, new GroupInput("11", "More", null), ct),
            await drafts.UpdateDetailsAsync(admin, version.Id, version.ConcurrencyStamp, new DetailsInput("Changed", null, null, FrameworkKind.Framework, "six-point", "Q", "K"), ct),
            await drafts.AddMappingAsync(admin, qi.Id, new MappingInput("PIF-LEADERSHIP", "L1", MappingRelation.Overlaps), ct),
            await versions.DeleteDraftAsync(admin, version.Id, ct),
        ];

        Assert.All(results, r => Assert.Equal(ServiceOutcome.Locked, r.Outcome));
        Assert.All(results, r => Assert.Contains("only a draft can change", r.Problems[0].Message, StringComparison.Ordinal));
        db.ChangeTracker.Clear();
        Assert.Equal("Leadership of strategy and direction", (await db.QualityIndicators.SingleAsync(q => q.Id == qi.Id, ct)).Title);
        Assert.Equal(25, await db.QualityIndicators.CountAsync(q => q.VersionId == version.Id, ct));
    }

    [Fact]
    public async Task Pages_PublishedVersion_CannotBeReachedForEditing_AndItsQisAreNotInTheDraft()
    {
        await using var factory = new PifWebFactory();
        var admin = await FrameworkClients.SignedInAsync(factory);
        var published = await factory.QueryAsync(db => db.QualityIndicators.Where(q => q.Code == "9.2" && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "PIF")).Select(q => q.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/frameworks/PIF/draft", TestContext.Current.CancellationToken)).StatusCode);
        await admin.PostFormAsync("/frameworks/PIF?handler=StartDraft");
        var token = await admin.GetFormTokenAsync("/frameworks/PIF/draft/qis");
        var response = await admin.PostAsync($"/frameworks/PIF/draft/qis/{published}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Code"] = "9.2",
            ["Form.Title"] = "Changed through the page",
            ["Form.Summary"] = "Changed",
            ["Form.GroupId"] = Guid.Empty.ToString(),
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Leadership of strategy and direction", await factory.QueryAsync(db => db.QualityIndicators.Where(q => q.Id == published).Select(q => q.Title).SingleAsync()));
    }

    [Fact]
    public async Task Api_ImportOfAChangedPublishedFramework_MakesANewDraft_AndLeavesThePublishedVersionAsItWas()
    {
        await using var factory = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(factory);
        var before = await (await api.GetAsync("/api/v1/frameworks/PIF/versions/1", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var response = await FrameworkClients.ImportAsync(api, System.Text.Encoding.UTF8.GetBytes(before.Replace("Leadership of strategy and direction", "Something else", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(before, await (await api.GetAsync("/api/v1/frameworks/PIF/versions/1", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Published", "Draft"], await StatusesAsync(factory, "PIF"));
    }

    [Fact]
    public async Task DeleteDraft_RemovesItAndEverythingInIt_AndAFrameworkWithNoVersionLeft()
    {
        await using var factory = new PifWebFactory();
        var admin = await FrameworkClients.SignedInAsync(factory);
        await FrameworkClients.ImportThroughPagesAsync(admin, Fixtures.Read(Fixtures.School));

        var deleted = await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft?handler=Delete");

        Assert.Equal("/frameworks", deleted.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.False(await factory.QueryAsync(db => db.Frameworks.AnyAsync(f => f.Code == "SCHOOL-QI")));
        Assert.Equal(25 + 14, await factory.QueryAsync(db => db.QualityIndicators.CountAsync()));
    }

    private static Task<List<string>> StatusesAsync(PifWebFactory factory, string code) =>
        factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == code).OrderBy(v => v.Number).Select(v => v.Status.ToString()).ToListAsync());

    private static async Task<UserAccess> AdminAccessAsync(Pif.Web.Data.AppDbContext db)
    {
        var user = await db.Users.SingleAsync(u => u.Email == FrameworkClients.Admin, TestContext.Current.CancellationToken);
        var ci = await db.Organisations.SingleAsync(o => o.Code == "CI", TestContext.Current.CancellationToken);
        return new UserAccess(user.Id, user.DisplayName, user.Email!, [new MembershipView(ci.Id, ci.Name, ci.Kind, OrganisationRole.NationalAdministrator)], [], false);
    }
}
