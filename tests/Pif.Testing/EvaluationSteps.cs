using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Pif.Testing;

/// <summary>The steps of a self-evaluation as people take them through the pages, for the tests (and the browser journeys' set-up) to build on.</summary>
public static partial class EvaluationSteps
{
    public const string Lead = "lead.glasgow@pif.example";
    public const string Contributor1 = "contributor1.glasgow@pif.example";
    public const string Contributor2 = "contributor2.glasgow@pif.example";

    public static async Task<HttpClient> AsAsync(PifWebFactory factory, string email)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>Starts a self-evaluation of the PIF as the Glasgow lead (through the service: it is set-up, not the step under test); returns its id.</summary>
    public static Task<Guid> StartAsync(PifWebFactory factory, string title = "Self-evaluation 2026", int year = 2026) =>
        TestData.StartSelfEvaluationAsync(factory, Lead, title, year);

    /// <summary>As the Glasgow lead, narrows the scope to the given QI codes, assigns each to both contributors, and begins the evaluation.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> PrepareAsync(PifWebFactory factory, Guid id, params string[] codes)
    {
        await TestData.ScopeAssignAndBeginAsync(factory, Lead, id, codes, [Contributor1, Contributor2]);
        return await QiEvaluationsAsync(factory, id);
    }

    public static Task<Dictionary<string, Guid>> QiEvaluationsAsync(PifWebFactory factory, Guid id) =>
        factory.QueryAsync(db => db.QiEvaluations.Where(q => q.SelfEvaluationId == id).ToDictionaryAsync(q => q.QiCode, q => q.Id));

    public static Task<HttpResponseMessage> ContributeAsync(HttpClient client, Guid id, Guid qi, int grade, bool complete = true, string text = "We are doing well", string stamp = "") =>
        client.PostFormAsync($"/self-evaluations/{id}/qis/{qi}", ("Form.HowAreWeDoing", text), ("Form.HowDoWeKnow", "Case file reading"), ("Form.WhatNext", "Keep going"),
            ("Form.NewStrength", "Timely reviews"), ("Form.NewArea", ""), ("Form.Grade", grade.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.Rationale", "Evidence agrees"), ("Form.Confidence", "Medium"), ("Form.IsComplete", complete ? "true" : "false"), ("Form.Stamp", stamp));

    /// <summary>Saves the agreed record from the form's current state (so the stamp is the current one).</summary>
    public static async Task<HttpResponseMessage> AgreeAsync(HttpClient lead, Guid id, Guid qi, int grade, string text = "Agreed: we are doing well")
    {
        var path = $"/self-evaluations/{id}/qis/{qi}/agree";
        var stamp = StampInput().Match(await lead.GetStringAsync(path)) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
        return await lead.PostFormAsync(path, ("Form.HowAreWeDoing", text), ("Form.Grade", grade.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.GradeReason", "Contributors agreed"), ("Form.Stamp", stamp));
    }

    /// <summary>Scopes, assigns and starts a self-evaluation, agrees the given grades, and submits it; returns its QI evaluations by code.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> SubmitAsync(PifWebFactory factory, HttpClient lead, Guid id, params (string Code, int Grade)[] grades)
    {
        var qis = await PrepareAsync(factory, id, grades.Select(g => g.Code).ToArray());
        foreach (var (code, grade) in grades)
        {
            await AgreeAsync(lead, id, qis[code], grade);
        }

        await lead.PostFormAsync($"/self-evaluations/{id}/submit");
        return qis;
    }

    public static Task<HttpResponseMessage> DecideAsync(HttpClient inspector, Guid id, Guid qi, bool agrees, int? grade = null, string reasons = "") =>
        inspector.PostFormAsync($"/self-evaluations/{id}/qis/{qi}?handler=Decide", ("Decision.Agrees", agrees ? "true" : "false"),
            ("Decision.Grade", grade?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), ("Decision.Reasons", reasons));

    /// <summary>Validates with a summary, as the link inspector: saves the summary, then confirms on the check page.</summary>
    public static async Task<HttpResponseMessage> ValidateAsync(HttpClient inspector, Guid id)
    {
        await inspector.PostFormAsync($"/self-evaluations/{id}/validation?handler=Validate", ("Strengths", "Honest grades, well evidenced."), ("Improvements", "Involve people who use services."));
        return await inspector.PostFormAsync($"/self-evaluations/{id}/validate");
    }

    [GeneratedRegex("name=\"Form.Stamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampInput();
}
