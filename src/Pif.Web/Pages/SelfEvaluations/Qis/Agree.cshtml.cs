using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Qis;

/// <summary>The named lead moderates a QI: every contribution side by side with the spread of grades, and the agreed record.</summary>
public sealed class AgreeModel(AppDbContext db, DataCache cache, QiGuidance guidance, ScaleLevelsCache scales, CurrentUser current, EvaluationRecordsService records) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid QiId { get; set; }

    [BindProperty]
    public RecordForm Form { get; set; } = new();

    public QiContext Context { get; private set; } = null!;

    /// <summary>The highest and lowest proposed grades, when they are 2 or more levels apart.</summary>
    public (int Low, int High)? WideSpread { get; private set; }

    /// <summary>What is saved now, when the lead's save was refused because someone saved first.</summary>
    public EvaluationRecord? SavedMeanwhile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = RecordForm.From(Context.Agreed);
        return Page();
    }

    public async Task<IActionResult> OnPostStartFromAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await records.StartAgreedFromAsync((await current.GetAccessAsync(cancellationToken))!, QiId, contributionId, cancellationToken);
        if (!result.Succeeded)
        {
            Form = RecordForm.From(Context.Agreed);
        }

        return this.Answer(result, _ => Saved("The agreed record has been started from that contribution: edit it below"), Field);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        this.AddErrors(new RecordForm.Validator().Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await records.SaveAgreedAsync((await current.GetAccessAsync(cancellationToken))!, QiId, Form.Stamp, Form.ToInput(), Form.GradeReason, cancellationToken);
        if (result.IsStale)
        {
            // Read what is saved now, so the lead compares with it and saves over it knowingly.
            await LoadAsync(cancellationToken);
            SavedMeanwhile = Context.Agreed;
            Form.Stamp = SavedMeanwhile?.ConcurrencyStamp;
            ModelState.Remove("Form.Stamp");
        }

        return this.Answer(result, _ => Saved("The agreed record has been saved"), Field,
            "Someone else saved the agreed record after you opened this page. Nothing has been overwritten: compare what is saved now with your text below, then save again");
    }

    private RedirectToPageResult Saved(string message)
    {
        TempData["Confirmation"] = message;
        return RedirectToPage(null, null, new { Id, QiId }, "agreed");
    }

    /// <summary>Where a problem shows: a stale save above the form, a refused step at the agreed record, the rest at their fields.</summary>
    private static string Field(string field) => field switch
    {
        "" => "SavedMeanwhile",
        "State" or "StartFrom" => "agreed",
        _ => $"Form.{field}",
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var context = await QiContext.LoadAsync(cache, db, guidance, scales, access, Id, QiId, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        if (!context.IsLead(access))
        {
            return Forbid();
        }

        Context = context;
        var grades = context.Contributions.Select(c => c.Grade).OfType<int>().ToList();
        WideSpread = grades.Count > 1 && grades.Max() - grades.Min() >= 2 ? (grades.Min(), grades.Max()) : null;
        return null;
    }
}
