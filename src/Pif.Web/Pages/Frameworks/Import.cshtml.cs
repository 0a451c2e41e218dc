using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Frameworks.Documents;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks;

/// <summary>Upload a framework file, see what it holds and every problem in it, then confirm; a file with any problem saves nothing.</summary>
// The form limit is generous against the import limit (checked in the handler with a clear message)
// but stops a huge upload being buffered whole.
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, CurrentUser current, FrameworkVersionsService versions) : PageModel
{
    private const string FileField = "File";

    /// <summary>The previewed file, carried to the confirm step; it is checked again in full there.</summary>
    [BindProperty]
    public string? FileContent { get; set; }

    public ImportPreview? Preview { get; private set; }

    public string MaxSize => Sizes.Describe(versions.MaxImportBytes);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AllowedAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }

        FileContent = null;
        ModelState.Clear();
        if (file is null || file.Length == 0)
        {
            this.AddError(FileField, "Choose a JSON framework file to import");
            return Page();
        }

        if (file.Length > versions.MaxImportBytes)
        {
            this.AddError(FileField, $"The file is {Sizes.Describe(file.Length)}: choose a file of {MaxSize} or less");
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        return await ShowAsync(bytes, cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (!FrameworkPermissions.CanEdit(access))
        {
            return Forbid();
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(FileContent ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }

        var result = await versions.ImportAsync(access, bytes, cancellationToken);
        if (!result.Succeeded)
        {
            return await ShowAsync(bytes, cancellationToken);
        }

        var imported = await db.FrameworkVersions.Where(v => v.Id == result.Id).Select(v => new { v.Framework.Code, v.Title }).SingleAsync(cancellationToken);
        TempData["Confirmation"] = $"{imported.Title} has been imported as a draft. Check it, then publish it";
        return RedirectToPage("/Frameworks/Draft/Index", new { code = imported.Code });
    }

    private async Task<IActionResult> ShowAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Preview = await versions.PreviewImportAsync(bytes, cancellationToken);
        if (Preview.Problems.Count > 0)
        {
            var count = Preview.Problems.Count == 1 ? "a problem" : $"{Preview.Problems.Count} problems";
            this.AddError(FileField, $"The file has {count}, listed below. Nothing has been imported: fix the file and upload it again");
            FileContent = null;
        }
        else
        {
            FileContent = Convert.ToBase64String(bytes);
        }

        return Page();
    }

    private async Task<bool> AllowedAsync(CancellationToken cancellationToken) =>
        FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
}
