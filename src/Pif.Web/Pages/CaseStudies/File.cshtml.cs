using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>
/// Sends a file a case study shares, to anyone who reads the revision that shares it, through the evidence file store
/// and as the evidence library sends its files (an attachment, never shown inline).
/// </summary>
public sealed class FileModel(AppDbContext db, CurrentUser current, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, int? revision, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var file = await CaseStudyLinks.SharedFileAsync(db, access, id, revision, fileId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        await EvidenceFiles.SendAsync(HttpContext, files, file, cancellationToken);
        return new EmptyResult();
    }
}
