using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Pages.PerformanceIndicators.Importing;

/// <summary>Upload a file of indicators; the next page previews it, and nothing is imported until it is confirmed there.</summary>
// The form limit is generous against the import limit (checked with a clear message) but stops a huge upload being buffered whole.
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class NewModel(CurrentUser current, IndicatorImportsService imports) : PageModel
{
    public string MaxSize => Sizes.Describe(imports.MaxBytes);

    /// <summary>Whether the user imports the national files.</summary>
    public bool National { get; private set; }

    /// <summary>The councils whose own indicators the user imports, by name.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    [BindProperty]
    public Guid? Council { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Allowed((await current.GetAccessAsync(cancellationToken))!) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!Allowed(access))
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            this.AddError(IndicatorImportsService.FileField, "Choose the CSV file to import");
            return Page();
        }

        if (file.Length > imports.MaxBytes)
        {
            this.AddError(IndicatorImportsService.FileField, $"The file is {Sizes.Describe(file.Length)}: choose a file of {MaxSize} or less");
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await imports.UploadAsync(access, file.FileName, buffer.ToArray(), cancellationToken, Council, keepUnknown: true);
        return this.Answer(result, done => RedirectToPage("/PerformanceIndicators/Importing/Import", new { id = done.Id }));
    }

    private bool Allowed(UserAccess access)
    {
        National = PerformanceIndicatorPermissions.ImportsNational(access);
        var councils = PerformanceIndicatorPermissions.LocalImportCouncils(access);
        Councils = access.Memberships.Where(m => councils.Contains(m.OrganisationId)).DistinctBy(m => m.OrganisationId)
            .Select(m => (m.OrganisationId, m.OrganisationName)).OrderBy(c => c.OrganisationName, StringComparer.Ordinal).ToList();
        return National || Councils.Count > 0;
    }
}
