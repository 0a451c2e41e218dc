using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Evidence;

/// <summary>Sends an evidence file as an attachment, a chunk at a time, never to be shown inline or sniffed as another type.</summary>
public sealed class DownloadModel(AppDbContext db, CurrentUser current, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var file = await EvidenceFiles.FindAsync(db, access, id, fileId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        await EvidenceFiles.SendAsync(HttpContext, files, file, cancellationToken);
        return new EmptyResult();
    }
}
