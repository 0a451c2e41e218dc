using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.SelfEvaluations;

/// <summary>The steps of a self-evaluation as people take them through the pages, for the tests to build on.</summary>
internal static partial class EvaluationSteps
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

    /// <summary>Starts a self-evaluation of the PIF as the Glasgow lead; returns its id.</summary>
    public static async Task<Guid> StartAsync(PifWebFactory factory, HttpClient lead, string title = "Self-evaluation 2026")
    {
        var version = await factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == "PIF" && v.Number == 1).Select(v => v.Id).SingleAsync());
        var response = await lead.PostFormAsync("/self-evaluations/start", ("Form.Title", title), ("Form.FrameworkVersionId", version.ToString()),
            ("Form.Areas", "ChildrenAndFamilies"), ("Form.Areas", "AdultServices"), ("Form.PeriodStart", "2026-04-01"), ("Form.PeriodEnd", "2027-03-31"), ("Form.DueDate", "2027-06-30"));
        return Guid.Parse(IdInPath().Match(response.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value);
    }

    /// <summary>Narrows the scope to the given QI codes, assigns each to both contributors, and starts the evaluation.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> PrepareAsync(PifWebFactory factory, HttpClient lead, Guid id, params string[] codes)
    {
        var qiIds = await factory.QueryAsync(db => db.QualityIndicators.Where(q => codes.Contains(q.Code) && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == "PIF" && v.Number == 1))
            .Select(q => q.Id).ToListAsync());
        await lead.PostFormAsync($"/self-evaluations/{id}/scope", qiIds.Select(q => ("Qis", q.ToString())).ToArray());
        var evaluations = await QiEvaluationsAsync(factory, id);
        var contributors = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1 || u.Email == Contributor2).Select(u => u.Id).ToListAsync());
        await lead.PostFormAsync($"/self-evaluations/{id}/assignments", evaluations.Values.SelectMany(q => contributors.Select(c => ("Assigned", $"{q}:{c}"))).ToArray());
        await lead.PostFormAsync($"/self-evaluations/{id}?handler=Begin");
        return evaluations;
    }

    public static Task<Dictionary<string, Guid>> QiEvaluationsAsync(PifWebFactory factory, Guid id) =>
        factory.QueryAsync(db => db.QiEvaluations.Where(q => q.SelfEvaluationId == id).ToDictionaryAsync(q => q.QiCode, q => q.Id));

    public static Task<HttpResponseMessage> ContributeAsync(HttpClient client, Guid id, Guid qi, int grade, bool complete = true, string text = "We are doing well") =>
        client.PostFormAsync($"/self-evaluations/{id}/qis/{qi}", ("Form.HowAreWeDoing", text), ("Form.HowDoWeKnow", "Case file reading"), ("Form.WhatNext", "Keep going"),
            ("Form.NewStrength", "Timely reviews"), ("Form.NewArea", ""), ("Form.Grade", grade.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.Rationale", "Evidence agrees"), ("Form.Confidence", "Medium"), ("Form.IsComplete", complete ? "true" : "false"), ("Form.Stamp", ""));

    /// <summary>Saves the agreed record from the form's current state (so the stamp is the current one).</summary>
    public static async Task<HttpResponseMessage> AgreeAsync(HttpClient lead, Guid id, Guid qi, int grade, string text = "Agreed: we are doing well")
    {
        var path = $"/self-evaluations/{id}/qis/{qi}/agree";
        var page = await Html.ParseAsync(await lead.GetAsync(path, TestContext.Current.CancellationToken));
        var stamp = page.QuerySelector("input[name='Form.Stamp']")?.GetAttribute("value") ?? "";
        return await lead.PostFormAsync(path, ("Form.HowAreWeDoing", text), ("Form.Grade", grade.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.GradeReason", "Contributors agreed"), ("Form.Stamp", stamp));
    }

    [GeneratedRegex("^/self-evaluations/([0-9a-f-]{36})$")]
    private static partial Regex IdInPath();
}
