using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Jobs;

namespace Pif.Web.Infrastructure.Exports;

/// <summary>Asks for background exports and reads them back, for the person who asked only.</summary>
public sealed class Exports(AppDbContext db, IJobTrigger trigger, TimeProvider clock)
{
    /// <summary>How many exports one person may have waiting or running at once, so nobody can fill the queue.</summary>
    public const int MaxOpenPerPerson = 5;

    public const string TooMany = "You already have 5 exports being made. Wait for one to finish, then ask again.";

    /// <summary>Queues an export and starts the worker at once; null when the person already has too many open.</summary>
    public async Task<Guid?> StartAsync(Guid userId, string kind, Guid? subjectId, string? parameter, string site, CancellationToken cancellationToken)
    {
        if (await db.ExportJobs.CountAsync(j => j.RequestedById == userId && (j.State == ExportState.Queued || j.State == ExportState.Running), cancellationToken) >= MaxOpenPerPerson)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ExportJob
        {
            Kind = kind,
            RequestedById = userId,
            SubjectId = subjectId,
            Parameter = parameter,
            Site = site,
            State = ExportState.Queued,
            CreatedAt = now,
            ExpiresAt = now + ExportJob.KeptFor,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await trigger.TriggerAsync<ExportWorker>(cancellationToken);
        return job.Id;
    }

    /// <summary>The export, if this person asked for it and it has not expired; otherwise null (a 404).</summary>
    public Task<ExportJob?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.RequestedById == userId && j.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The file of a finished export of this person's; null otherwise.</summary>
    public async Task<(ExportJob Job, byte[] Content)?> FileAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var job = await FindAsync(userId, id, cancellationToken);
        if (job is not { State: ExportState.Done })
        {
            return null;
        }

        var content = await db.ExportFiles.Where(f => f.JobId == id).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : (job, content);
    }
}
