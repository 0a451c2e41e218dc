namespace Pif.Web.Infrastructure.Exports;

/// <summary>What an export makes: its bytes, type and file name.</summary>
public sealed record ExportOutput(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Makes one kind of export, as the person who asked for it may see it now (their access is read again when it runs).
/// Registered by the module or page area that owns what it exports.
/// </summary>
public interface IExportProducer
{
    /// <summary>The kind it makes, as stored on the job: short, lower case, hyphenated.</summary>
    string Kind { get; }

    /// <summary>What it makes, in words for its page: "The national overview as a spreadsheet".</summary>
    string Title { get; }

    /// <param name="http">A request context for rendering views, addressed as the app was when the export was asked for.</param>
    /// <param name="progress">Says how far it has got (0 to 100), which also tells the cluster this node is still at work.</param>
    /// <exception cref="ExportFailedException">It cannot be made, for a reason the person who asked should read.</exception>
    Task<ExportOutput> ProduceAsync(ExportJob job, HttpContext http, Func<int, Task> progress, CancellationToken cancellationToken);
}

/// <summary>An export that cannot be made, with what to tell the person who asked for it.</summary>
public sealed class ExportFailedException(string message) : Exception(message);
