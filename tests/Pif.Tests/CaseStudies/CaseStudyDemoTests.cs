using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Tests.CaseStudies;

/// <summary>The written demonstration case studies: labelled as such, and their results set against demo figures that bear them out.</summary>
public sealed class CaseStudyDemoTests
{
    [Fact]
    public async Task Demo_WrittenExamples_AreLabelled_AndTheirIndicatorsShowFiguresThatGotBetter()
    {
        await using var factory = new PifWebFactory();
        _ = factory.Services;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IndicatorDemo>().SeedAsync(TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<CaseStudyDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
        }

        var studies = await factory.QueryAsync(db => db.CaseStudies.Select(c => new { c.Id, c.IsDemonstration, Indicators = c.Revisions.SelectMany(r => r.Indicators).Count() }).ToListAsync());
        Assert.InRange(studies.Count, 8, 12);
        Assert.All(studies, s => Assert.True(s.IsDemonstration));
        var withIndicators = studies.Where(s => s.Indicators > 0).ToList();
        Assert.True(withIndicators.Count >= 5, $"{withIndicators.Count} demo case studies have indicators");

        // A council whose demo figures never got better for an indicator shows it without periods, never as worse.
        var reader = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        var changes = new List<string>();
        foreach (var study in withIndicators)
        {
            var page = await Html.ParseAsync(await reader.GetAsync($"/case-studies/{study.Id}", TestContext.Current.CancellationToken));
            Assert.Equal("Demonstration example", page.QuerySelector(".ds_page-header__metadata .ds_tag").Text());
            changes.AddRange(page.QuerySelectorAll("#Improved ~ table tbody tr").Select(row => row.Children[^1].Text()));
        }

        Assert.All(changes, c => Assert.True(c is "Better" or "No periods given", c));
        Assert.True(changes.Count(c => c == "Better") >= 5, string.Join(", ", changes));
    }
}
