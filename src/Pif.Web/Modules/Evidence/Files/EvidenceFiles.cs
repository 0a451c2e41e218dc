using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Evidence;

/// <summary>Finding a file the user may read, and sending it: shared by the page and the API.</summary>
public static class EvidenceFiles
{
    /// <summary>The file, if the user sees its item and may open its files (a viewer may not: 404).</summary>
    public static async Task<EvidenceFile?> FindAsync(AppDbContext db, UserAccess access, Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await EvidenceAccess.Visible(db, access).Where(e => e.Id == id)
            .Join(db.EvidenceFiles.Where(f => f.Id == fileId), e => e.Id, f => f.EvidenceItemId, (e, f) => new { f, e.OrganisationId })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return found is not null && EvidenceAccess.SeesFiles(access, found.OrganisationId) ? found.f : null;
    }

    public static async Task SendAsync(HttpContext http, FileStore files, EvidenceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(file);
        var response = http.Response;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Length;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        await files.CopyToAsync(file.Id, file.Chunks, response.Body, cancellationToken);
    }
}
