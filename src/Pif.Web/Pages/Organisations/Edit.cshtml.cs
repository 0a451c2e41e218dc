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
            this.AddError($"{nameof(Form)}.{nameof(Form.Name)}",
                "Someone else changed this organisation while you were editing it. Your changes have not been saved: check the details below and make your changes again");
            ModelState.Remove(nameof(Stamp));
            await LoadAsync(fill: true, cancellationToken);
            return Page();
        }

        if (result.Message is not null)
        {
            this.AddError($"{nameof(Form)}.{result.Field}", result.Message);
            return Page();
        }

        TempData["Confirmation"] = $"{Form.Name.Trim()} has been saved";
        return RedirectToPage("/Organisations/Index");
    }

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
