using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Jobs;

namespace Pif.Web.Infrastructure.Exports;

/// <summary>
/// Makes the queued exports, one at a time, oldest first. Each is claimed by one atomic update, so on several nodes it
/// is made once. An export left Running by a node that stopped (its heartbeat older than <see cref="StaleAfter"/>) is
/// queued again, or failed with a message after <see cref="ExportJob.MaxAttempts"/>; one cut short by this node
/// shutting down goes back in the queue. Nothing is left Running.
/// </summary>
public sealed partial class ExportWorker(AppDbContext db, IEnumerable<IExportProducer> producers, IServiceProvider services, TimeProvider clock, ILogger<ExportWorker> logger) : IBackgroundJob
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public const string Interrupted = "The export was interrupted three times while it was being made, so it has stopped. Ask for it again; if it stops again, tell the service team.";

    public const string WentWrong = "The export could not be made: something went wrong on our side. Ask for it again; if it fails again, tell the service team.";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested && await ClaimAsync(cancellationToken) is { } job)
        {
            await MakeAsync(job, cancellationToken);
        }
    }

    /// <summary>Exports whose node stopped answering: queued again, or failed once they have had their attempts.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - StaleAfter;
        await db.ExportJobs.Where(j => j.State == ExportState.Running && j.HeartbeatAt < stale && j.Attempts >= ExportJob.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Failed).SetProperty(j => j.Message, Interrupted).SetProperty(j => j.FinishedAt, now), cancellationToken);
        await db.ExportJobs.Where(j => j.State == ExportState.Running && j.HeartbeatAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Queued).SetProperty(j => j.Progress, 0), cancellationToken);
    }

    private async Task<ExportJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in await db.ExportJobs.Where(j => j.State == ExportState.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(cancellationToken))
        {
            // Whoever changes the row from Queued makes it; another node's update then changes nothing.
            var claimed = await db.ExportJobs.Where(j => j.Id == id && j.State == ExportState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Running).SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Progress, 0), cancellationToken);
            if (claimed == 1)
            {
                return await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
            }
        }

        return null;
    }

    private async Task MakeAsync(ExportJob job, CancellationToken cancellationToken)
    {
        try
        {
            var producer = producers.SingleOrDefault(p => p.Kind == job.Kind) ?? throw new ExportFailedException($"Pif no longer makes exports of the kind \"{job.Kind}\".");
            var site = new Uri(job.Site);
            var http = new DefaultHttpContext { RequestServices = services };
            http.Request.Scheme = site.Scheme;
            http.Request.Host = new HostString(site.Authority);
            var output = await producer.ProduceAsync(job, http, progress => ProgressAsync(job.Id, progress, cancellationToken), cancellationToken);
            db.ExportFiles.Add(new ExportFile { JobId = job.Id, Content = output.Content });
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Done).SetProperty(j => j.Progress, 100)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.FileName, output.FileName).SetProperty(j => j.ContentType, output.ContentType)
                .SetProperty(j => j.Length, output.Content.LongLength), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // This node is stopping: back in the queue for the next node, or this one when it starts again.
            await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Queued).SetProperty(j => j.Progress, 0), CancellationToken.None);
        }
        catch (ExportFailedException failed)
        {
            await FailAsync(job.Id, failed.Message);
        }
#pragma warning disable CA1031 // One export's failure is told to the person who asked for it, and never stops the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception, job.Id, job.Kind);
            await FailAsync(job.Id, WentWrong);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task ProgressAsync(Guid id, int progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ExportJobs.Where(j => j.Id == id && j.State == ExportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, Math.Clamp(progress, 0, 99)).SetProperty(j => j.HeartbeatAt, now), cancellationToken);
    }

    private async Task FailAsync(Guid id, string message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Failed)
            .SetProperty(j => j.Message, message.Length > ExportJob.MessageMaxLength ? message[..ExportJob.MessageMaxLength] : message).SetProperty(j => j.FinishedAt, now), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {JobId} of kind {Kind} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId, string kind);
}

/// <summary>Deletes exports (and their files) once they are past the time they are kept.</summary>
public sealed class ExportCleanup(AppDbContext db, TimeProvider clock) : IBackgroundJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = db.ExportJobs.Where(j => j.ExpiresAt <= now).Select(j => j.Id);
        await db.ExportFiles.Where(f => expired.Contains(f.JobId)).ExecuteDeleteAsync(cancellationToken);
        await db.ExportJobs.Where(j => j.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}

public static class ExportsSetup
{
    /// <summary>The export queue: its worker every 30 seconds (and at once when an export is asked for), its clean-up every hour.</summary>
    public static WebApplicationBuilder AddPifExportQueue(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<Exports>();
        builder.Services.AddRecurringJob<ExportWorker>(TimeSpan.FromSeconds(30));
        builder.Services.AddRecurringJob<ExportCleanup>(TimeSpan.FromHours(1));
        return builder;
    }
}
