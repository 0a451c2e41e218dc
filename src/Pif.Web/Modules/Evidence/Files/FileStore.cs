using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// Keeps file bytes in the database in 1 MiB chunks (DESIGN.md section 4), written and read one
/// chunk at a time, so a 20 MB upload or download never holds the whole file in memory.
/// </summary>
public sealed class FileStore(AppDbContext db)
{
    /// <summary>Writes the stream as the file's chunks, saving each as it goes (inside the caller's transaction); returns the length and the chunk count.</summary>
    public async Task<(long Length, int Chunks)> WriteAsync(Guid fileId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new byte[FileChunk.Size];
        long length = 0;
        var index = 0;
        int read;
        while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            var chunk = new FileChunk { FileId = fileId, Index = index++, Data = buffer[..read] };
            db.FileChunks.Add(chunk);
            await db.SaveChangesAsync(cancellationToken);

            // Let the chunk's bytes go: the tracker would otherwise keep every chunk of the file.
            db.Entry(chunk).State = EntityState.Detached;
            length += read;
        }

        return (length, index);
    }

    /// <summary>Copies the file's chunks, in order, to the destination.</summary>
    public async Task CopyToAsync(Guid fileId, int chunks, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        for (var index = 0; index < chunks; index++)
        {
            var i = index;
            var data = await db.FileChunks.AsNoTracking().Where(c => c.FileId == fileId && c.Index == i).Select(c => c.Data).SingleAsync(cancellationToken);
            await destination.WriteAsync(data, cancellationToken);
        }
    }
}
