using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Evidence;

/// <summary>Finding a file the user may read, and sending it: shared by the page and the API.</summary>
public static class EvidenceFiles
{
    public static Task<EvidenceFile?> FindAsync(AppDbContext db, UserAccess access, Guid id, Guid fileId, CancellationToken cancellationToken) =>
        EvidenceAccess.Visible(db, access).Where(e => e.Id == id).SelectMany(e => e.Files).Where(f => f.Id == fileId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

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
