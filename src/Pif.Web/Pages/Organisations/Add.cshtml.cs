using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Organisations;

public sealed class AddModel(CurrentUser current, OrganisationsService service) : PageModel
{
    [BindProperty]
    public OrganisationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        (await current.GetAccessAsync(cancellationToken))?.IsNationalAdministrator() == true ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access?.IsNationalAdministrator() != true)
        {
            return Forbid();
        }

        this.AddErrors(new OrganisationForm.Validator().Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.AddAsync(access, Form.ToInput(), cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm($"{Form.Name.Trim()} has been added");
            return RedirectToPage("/Organisations/Index");
        }, field => $"{nameof(Form)}.{field}");
    }
}
