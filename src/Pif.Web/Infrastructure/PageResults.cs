using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pif.Web.Infrastructure;

/// <summary>
/// Turns a <see cref="ServiceResult"/> into a page's response: 404, 403, or the form again with
/// each problem next to its field (a stale save says so, and the page shows what is saved now).
/// </summary>
public static class PageResults
{
    public const string StaleMessage = "Someone else changed this at the same time. Nothing has been overwritten: check it and save again";

    /// <summary>
    /// The response for a refusal (404 or 403), or null once the problems are on the form and the
    /// page should show again; null for a result that succeeded too.
    /// </summary>
    /// <param name="field">Maps a problem's field to the form's name for it (by default, the same).</param>
    /// <param name="staleMessage">What to say when someone else saved first and the service said nothing more.</param>
    public static IActionResult? Refusal(this PageModel page, ServiceResult result, Func<string, string>? field = null, string? staleMessage = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case ServiceOutcome.Done:
                return null;
            case ServiceOutcome.NotFound:
                return page.NotFound();
            case ServiceOutcome.Forbidden:
                return page.Forbid();
        }

        IReadOnlyList<FieldProblem> problems = result.Outcome == ServiceOutcome.Stale && result.Problems.Count == 0
            ? [new("", staleMessage ?? StaleMessage)]
            : result.Problems;
        foreach (var problem in problems)
        {
            page.AddError(field is null ? problem.Field : field(problem.Field), problem.Message);
        }

        return null;
    }

    /// <summary>
    /// <paramref name="done"/> when the result succeeded; otherwise the refusal, or the problems on
    /// the form and <paramref name="again"/> (which reloads what the page shows).
    /// </summary>
    public static async Task<IActionResult> AnswerAsync(this PageModel page, ServiceResult result, Func<ServiceResult, IActionResult> done,
        Func<Task<IActionResult>> again, Func<string, string>? field = null, string? staleMessage = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(again);
        if (result?.Succeeded == true)
        {
            return done(result);
        }

        return page.Refusal(result!, field, staleMessage) ?? await again();
    }

    /// <summary>As <see cref="AnswerAsync"/>, showing the page again as it stands.</summary>
    public static IActionResult Answer(this PageModel page, ServiceResult result, Func<ServiceResult, IActionResult> done,
        Func<string, string>? field = null, string? staleMessage = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(done);
        if (result?.Succeeded == true)
        {
            return done(result);
        }

        return page.Refusal(result!, field, staleMessage) ?? page.Page();
    }

    /// <summary>Sets the confirmation banner the next page shows.</summary>
    public static void Confirm(this PageModel page, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.TempData["Confirmation"] = message;
    }
}
