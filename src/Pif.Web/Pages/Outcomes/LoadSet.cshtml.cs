using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>A national administrator loads a later set of national outcomes from a JSON file; every problem is named by its path in the file.</summary>
public sealed class LoadSetModel(CurrentUser current, OutcomeSets sets) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        NationalOutcomePermissions.LoadsSets((await current.GetAccessAsync(cancellationToken))!) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!NationalOutcomePermissions.LoadsSets(access))
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            this.AddError(OutcomeSets.FileField, "Choose a JSON file of national outcomes to load");
            return Page();
        }

        if (file.Length > OutcomeSetFile.MaxBytes)
        {
            this.AddError(OutcomeSets.FileField, $"The file is {Sizes.Describe(file.Length)}: choose a file of {Sizes.Describe(OutcomeSetFile.MaxBytes)} or less");
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await sets.ImportAsync(access, buffer.ToArray(), cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm("The set has been loaded: councils can map their local outcomes to it now");
            return RedirectToPage("/Outcomes/Index", null, "Sets");
        }, field => field);
    }
}
