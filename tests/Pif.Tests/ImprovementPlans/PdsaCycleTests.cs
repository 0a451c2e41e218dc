using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.ImprovementPlans;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>PDSA cycles: plan first, do and study before the decision, read-only once decided, numbered in order.</summary>
public sealed class PdsaCycleTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Cycle_IsEditedUntilItsDecision_WhichNeedsTheResultFirst_ThenIsReadOnly()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "PDSA plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var start = $"/improvement-plans/{plan}/actions/{actions[0]}/cycles";

        var empty = await Html.ParseAsync(await lead.PostFormAsync(start, ("Form.Change", " ")));
        var started = await Html.ParseAsync(await lead.PostFormAsync(start, ("Form.Change", "A reminder call two days before each review"),
            ("Form.Prediction", "Fewer than one review in ten moves"), ("Form.Measure", "Reviews moved, counted weekly")));
        var cycle = await factory.QueryAsync(db => db.PdsaCycles.SingleAsync(c => c.ActionId == actions[0]));
        var path = $"{start}/{cycle.Id}";
        var form = await FormAsync(lead, path);
        form["Form.Decision"] = "Adopt";
        var early = await Html.ParseAsync(await lead.PostFormAsync(path, [.. form.Select(f => (f.Key, f.Value))]));
        form["Form.WhatHappened"] = "Calls made for 40 reviews";
        form["Form.Result"] = "3 of 40 moved, against 9 of 40 before";
        var decided = await Html.ParseAsync(await lead.PostFormAsync(path, [.. form.Select(f => (f.Key, f.Value))]));
        var after = await Html.ParseAsync(await lead.PostFormAsync(path, ("Form.Change", "Something else"), ("Form.Prediction", "Anything"), ("Form.Measure", "Anything")));
        await lead.PostFormAsync(start, ("Form.Change", "Text reminders instead of calls"), ("Form.Prediction", "The same"), ("Form.Measure", "The same count"));

        Assert.Equal(["Enter the change you will test", "Enter what you predict will happen", "Enter how you will know: what you will measure"], empty.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("The cycle has been saved", started.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(["Write what happened and the result against the prediction before you record the decision"], early.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("The decision has been recorded: the cycle is now read-only", decided.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(["This cycle's decision is recorded, so it can no longer change: start a new cycle to test the next change"], after.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Empty(after.QuerySelectorAll("textarea"));
        var saved = await factory.QueryAsync(db => db.PdsaCycles.Where(c => c.ActionId == actions[0]).OrderBy(c => c.Number).ToListAsync());
        Assert.Equal([1, 2], saved.Select(c => c.Number));
        Assert.Equal(PdsaDecision.Adopt, saved[0].Decision);
        Assert.Equal("A reminder call two days before each review", saved[0].Change);
        var actionPage = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/{plan}/actions/{actions[0]}", TestContext.Current.CancellationToken));
        Assert.Equal(["Cycle 1: Adopt the change", "Cycle 2: not decided yet"], actionPage.QuerySelectorAll("#cycles-heading + ol h3").Select(h => h.Text()));
    }
}
