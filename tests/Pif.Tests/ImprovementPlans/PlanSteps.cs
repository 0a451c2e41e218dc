using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>Set-up for the improvement plan tests: a submitted self-evaluation whose agreed records name areas for improvement.</summary>
internal static partial class PlanSteps
{
    public const string Fife = "lead.fife@pif.example";

    /// <summary>Starts, scopes and submits a Glasgow self-evaluation of 1.1 and 2.1, each agreed record naming one area for improvement.</summary>
    public static async Task<(Guid Id, IReadOnlyDictionary<string, Guid> Qis)> SubmittedAsync(PifWebFactory factory, HttpClient lead, string title = "Self-evaluation 2026")
    {
        var id = await StartAsync(factory, title);
        var qis = await PrepareAsync(factory, id, "1.1", "2.1");
        await AgreeWithAreaAsync(lead, id, qis["1.1"], 4, "Reviews of care plans are often late");
        await AgreeWithAreaAsync(lead, id, qis["2.1"], 3, "Young people are not asked what they think");
        var submitted = await lead.PostFormAsync($"/self-evaluations/{id}/submit");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return (id, qis);
    }

    public static async Task AgreeWithAreaAsync(HttpClient lead, Guid id, Guid qi, int grade, string area)
    {
        var path = $"/self-evaluations/{id}/qis/{qi}/agree";
        var stamp = StampInput().Match(await lead.GetStringAsync(path)) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
        var saved = await lead.PostFormAsync(path, ("Form.HowAreWeDoing", "Agreed"), ("Form.Grade", grade.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.GradeReason", "Contributors agreed"), ("Form.NewArea", area), ("Form.Stamp", stamp));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    /// <summary>The candidate keys the create page offers, in its order.</summary>
    public static async Task<List<string>> CandidatesAsync(HttpClient lead, Guid id)
    {
        var page = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/new?selfEvaluation={id}", TestContext.Current.CancellationToken));
        return page.QuerySelectorAll("input[name='Ticked']").Select(i => i.GetAttribute("value")!).ToList();
    }

    public static Task<HttpResponseMessage> CreateAsync(HttpClient lead, Guid id, IEnumerable<string> ticked, string title = "Improvement plan 2026 to 2027", string start = "2026-06-01", string end = "2027-05-31") =>
        lead.PostFormAsync($"/improvement-plans/new?selfEvaluation={id}",
            [("Title", title), ("PeriodStart", start), ("PeriodEnd", end), .. ticked.Select(t => ("Ticked", t))]);

    /// <summary>Makes the plan with both areas ticked; returns its id and its actions' ids in order.</summary>
    public static async Task<(Guid Plan, List<Guid> Actions)> PlanAsync(PifWebFactory factory, HttpClient lead, Guid id)
    {
        var created = await CreateAsync(lead, id, await CandidatesAsync(lead, id));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var plan = Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        var actions = await factory.QueryAsync(db => db.PlanActions.Where(a => a.PlanId == plan).OrderBy(a => a.Number).Select(a => a.Id).ToListAsync());
        return (plan, actions);
    }

    /// <summary>Posts the action's form from what it shows now, with the given fields changed.</summary>
    public static async Task<HttpResponseMessage> EditAsync(HttpClient client, Guid plan, Guid action, params (string Name, string Value)[] changes)
    {
        var path = $"/improvement-plans/{plan}/actions/{action}/edit";
        var form = await FormAsync(client, path);
        foreach (var (name, value) in changes)
        {
            form[name] = value;
        }

        return await client.PostFormAsync(path, [.. form.Select(f => (f.Key, f.Value))]);
    }

    /// <summary>The values a browser would post from the page's form.</summary>
    public static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string path)
    {
        var page = await Html.ParseAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in page.QuerySelectorAll("form[method='post'] input, form[method='post'] textarea, form[method='post'] select"))
        {
            var name = field.GetAttribute("name");
            if (name is null or "__RequestVerificationToken")
            {
                continue;
            }

            switch (field)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "radio" or "checkbox" } box:
                    if (box.IsChecked)
                    {
                        form[name] = box.Value;
                    }

                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    form[name] = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : "";
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    form[name] = area.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    form[name] = input.Value;
                    break;
            }
        }

        return form;
    }

    [GeneratedRegex("name=\"Form.Stamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampInput();
}
