using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.Evidence;

/// <summary>Changes an evidence item's details: its owner and the council's administrators.</summary>
public sealed class EditModel(AppDbContext db, CurrentUser current, EvidenceService evidence) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EvidenceForm Form { get; set; } = new();

    public IReadOnlyList<OwnerOption> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var typed = Form;
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var saved = Form;
        Form = typed;
        var result = await evidence.UpdateAsync((await current.GetAccessAsync(cancellationToken))!, Id, typed.Stamp, typed.ToInput(), cancellationToken);
        if (result.IsStale)
        {
            Form.Stamp = saved.Stamp;
        }

        return this.Answer(result, _ =>
        {
            this.Confirm("The evidence's details have been changed");
            return RedirectToPage("/Evidence/Details", new { Id });
        }, field => field switch { "Item" => "Form.Kind", "" => "Form.Title", _ => $"Form.{field}" },
            $"Someone else changed this evidence after you opened it (it is now called “{saved.Title}”). Nothing has been overwritten: check your changes and save again");
    }

    /// <summary>Loads the item into the form: 404 when the user may not see it, 403 when they may not change it.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var item = await EvidenceAccess.Visible(db, access).SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!await EvidencePermissions.CanChangeAsync(db, access, item, cancellationToken))
        {
            return Forbid();
        }

        Form = EvidenceForm.From(item);
        Owners = await OwnerOptions.LoadAsync(db, [item.OrganisationId], cancellationToken);
        return null;
    }
}
