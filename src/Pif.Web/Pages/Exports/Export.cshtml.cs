using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Infrastructure.Exports;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Exports;

/// <summary>An export being made in the background: how far it has got, then its download. Only the person who asked for it sees it.</summary>
public sealed class ExportModel(Infrastructure.Exports.Exports exports, IEnumerable<IExportProducer> producers, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ExportJob Job { get; private set; } = null!;

    public string Title => producers.FirstOrDefault(p => p.Kind == Job.Kind)?.Title ?? "An export";

    public bool Open => Job.State is ExportState.Queued or ExportState.Running;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The state for the page's script: its state and the words the page shows for it.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? new JsonResult(new { state = Job.State.ToString(), progress = Job.Progress, text = StatusText(Job) }) : NotFound();

    public async Task<IActionResult> OnGetFileAsync(CancellationToken cancellationToken)
    {
        var file = await exports.FileAsync((await current.GetAccessAsync(cancellationToken))!.UserId, Id, cancellationToken);
        return file is { } found ? File(found.Content, found.Job.ContentType ?? "application/octet-stream", found.Job.FileName) : NotFound();
    }

    public static string StatusText(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.State switch
        {
            ExportState.Queued => "Waiting to be made: it starts as soon as the export before it is done.",
            ExportState.Running => $"Being made: {job.Progress}% done.",
            ExportState.Done => "Ready to download.",
            _ => "It could not be made.",
        };
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Job = (await exports.FindAsync((await current.GetAccessAsync(cancellationToken))!.UserId, Id, cancellationToken))!;
        return Job is not null;
    }
}
