using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Organisations;

public sealed class EditModel(AppDbContext db, CurrentUser current, OrganisationsService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public OrganisationForm Form { get; set; } = new();

    /// <summary>The version of the record the form was filled from.</summary>
    [BindProperty]
    public Guid Stamp { get; set; }

    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await current.GetAccessAsync(cancellationToken))?.IsNationalAdministrator() != true)
        {
            return Forbid();
        }

        return await LoadAsync(fill: true, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access?.IsNationalAdministrator() != true)
        {
            return Forbid();
        }

        if (!await LoadAsync(fill: false, cancellationToken))
        {
            return NotFound();
        }

        this.AddErrors(new OrganisationForm.Validator().Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.UpdateAsync(access, Id, Stamp, Form.ToInput(), cancellationToken);
        if (result.IsStale)
        {
            // Show what is saved now, so the administrator makes their change again over it knowingly.
            ModelState.Remove(nameof(Stamp));
            await LoadAsync(fill: true, cancellationToken);
        }

        return this.Answer(result, _ =>
        {
            this.Confirm($"{Form.Name.Trim()} has been saved");
            return RedirectToPage("/Organisations/Index");
        }, field => $"{nameof(Form)}.{(field.Length == 0 ? nameof(Form.Name) : field)}", StaleMessage);
    }

    private const string StaleMessage =
        "Someone else changed this organisation while you were editing it. Your changes have not been saved: check the details below and make your changes again";

    private async Task<bool> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Where(o => o.Id == Id)
            .Select(o => new { o.Name, o.Code, o.FormerCode, o.Kind, o.ConcurrencyStamp, Names = o.Aliases.Select(a => a.Name).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return false;
        }

        CurrentName = organisation.Name;
        Form.Kind = organisation.Kind;
        if (fill)
        {
            Form.Name = organisation.Name;
            Form.Code = organisation.Code;
            Form.FormerCode = organisation.FormerCode;
            Form.OtherNames = string.Join('\n', organisation.Names.Where(n => n != organisation.Name).Order(StringComparer.Ordinal));
            Stamp = organisation.ConcurrencyStamp;
        }

        return true;
    }
}
