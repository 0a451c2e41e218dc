using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Frameworks;

/// <summary>
/// A framework's page for one QI: a published version's QIs are kept in memory once read, a draft's are read afresh,
/// and the version's status is read every time.
/// </summary>
public sealed class FrameworkQiPageTests
{
    private const string Page = "/frameworks/PIF/versions/1/qis/8.2";

    [Fact]
    public async Task PublishedQi_ReadAgain_ShowsEverythingTheDatabaseHolds_FromFarFewerQueries()
    {
        await using var factory = new PifWebFactory { RunsScheduler = false };
        var viewer = await FrameworkClients.SignedInAsync(factory, "viewer.glasgow@pif.example");

        factory.Queries.Reset();
        var first = (await Html.ParseAsync(await viewer.GetAsync(Page, TestContext.Current.CancellationToken))).QuerySelector("main").Text();
        var firstQueries = factory.Queries.Count;
        factory.Queries.Reset();
        var againPage = await Html.ParseAsync(await viewer.GetAsync(Page, TestContext.Current.CancellationToken));
        var againQueries = factory.Queries.Count;
        var again = againPage.QuerySelector("main").Text();

        Assert.Equal(first, again);
        Assert.True(againQueries <= firstQueries - 6, $"Read again: {againQueries} queries, against {firstQueries} the first time.\n" + string.Join("\n", factory.Queries.Commands));
        var held = await factory.QueryAsync(db => db.QualityIndicators.Where(q => q.Code == "8.2" && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "PIF" && v.Number == 1))
            .Select(q => new
            {
                q.Title,
                Themes = q.Themes.Select(t => t.Title).ToList(),
                Illustrations = q.Illustrations.Select(i => i.Text).ToList(),
                Questions = q.ChallengeQuestions.Select(c => c.Text).ToList(),
                Evidence = q.SuggestedEvidence.Select(e => e.Text).ToList(),
            }).SingleAsync());
        Assert.NotEmpty(held.Illustrations);
        Assert.All(new[] { held.Title }.Concat(held.Themes).Concat(held.Illustrations).Concat(held.Questions).Concat(held.Evidence), text => Assert.Contains(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), again, StringComparison.Ordinal));
        Assert.Equal(["8.1", "8.3"], againPage.QuerySelectorAll(".ds_sequential-nav__text").Select(n => n.Text().Split(' ')[0]));
    }

    [Fact]
    public async Task DraftQi_ShowsAChange_AtOnce_AndAPublishedVersionRetiredAfterItWasRead_SaysSo()
    {
        await using var factory = new PifWebFactory { RunsScheduler = false };
        var admin = await FrameworkClients.SignedInAsync(factory);
        var before = (await Html.ParseAsync(await admin.GetAsync(Page, TestContext.Current.CancellationToken))).QuerySelector(".ds_page-header__metadata").Text();

        await admin.PostFormAsync("/frameworks/PIF?handler=StartDraft");
        const string draftPage = "/frameworks/PIF/versions/2/qis/8.2";
        var draftBefore = (await Html.ParseAsync(await admin.GetAsync(draftPage, TestContext.Current.CancellationToken))).QuerySelector("main").Text();
        var draftQi = await factory.QueryAsync(db => db.QualityIndicators.Where(q => q.Code == "8.2" && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "PIF" && v.Number == 2)).Select(q => q.Id).SingleAsync());
        await admin.PostFormAsync($"/frameworks/PIF/draft/qis/{draftQi}/themes", ("Form.Text", "Learning from complaints"));
        var draftAfter = (await Html.ParseAsync(await admin.GetAsync(draftPage, TestContext.Current.CancellationToken))).QuerySelector("main").Text();

        Assert.DoesNotContain("Learning from complaints", draftBefore, StringComparison.Ordinal);
        Assert.Contains("Learning from complaints", draftAfter, StringComparison.Ordinal);

        await admin.PostFormAsync("/frameworks/PIF/draft?handler=Publish");
        var version1 = await factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == "PIF" && v.Number == 1).Select(v => v.Id).SingleAsync());
        await admin.PostFormAsync("/frameworks/PIF?handler=Retire", ("versionId", version1.ToString()));
        var after = (await Html.ParseAsync(await admin.GetAsync(Page, TestContext.Current.CancellationToken))).QuerySelector(".ds_page-header__metadata").Text();

        Assert.DoesNotContain("retired", before, StringComparison.Ordinal);
        Assert.Contains("version 1 (retired)", after, StringComparison.Ordinal);
    }
}
