using Quartz;

namespace Pif.Web.Infrastructure.Jobs;

/// <summary>A piece of background work, run by the scheduler. It knows nothing of Quartz: only what to do, and when to stop.</summary>
public interface IBackgroundJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Runs a background job now, on whichever node the scheduler picks, rather than waiting for its next turn.</summary>
public interface IJobTrigger
{
    Task TriggerAsync<TJob>(CancellationToken cancellationToken)
        where TJob : IBackgroundJob;
}

/// <summary>
/// The scheduler (Quartz.NET, DESIGN.md section 1): an in-memory store on SQLite, where there is one node; on PostgreSQL a
/// persistent store in the database, clustered, so several web nodes share the jobs and each firing runs on one node
/// only. Jobs never run two at once anywhere in the cluster (<see cref="QuartzJob{TJob}"/> disallows it).
/// </summary>
public static class JobsSetup
{
    public static WebApplicationBuilder AddPifJobs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var postgres = string.Equals(builder.Configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Pif";
                o.GenerateInstanceId = true;
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            if (postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.ProvisionSchema();
                    store.UsePostgres(builder.Configuration.GetConnectionString("Postgres") ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required with the Postgres provider."));
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
        });
        // A job cut short by shutdown puts its work back in the queue itself; waiting for it could wait for ever on a database that has gone.
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        builder.Services.AddSingleton<IJobTrigger, QuartzJobTrigger>();
        return builder;
    }

    /// <summary>Runs <typeparamref name="TJob"/> every <paramref name="every"/>, the first time a little after start-up.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, TimeSpan every)
        where TJob : class, IBackgroundJob
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<TJob>();
        services.ConfigureAllQuartzSchedulers(q =>
        {
            var key = QuartzJobTrigger.KeyOf<TJob>();
            q.AddJob<QuartzJob<TJob>>(j => j.WithIdentity(key).StoreDurably().RequestRecovery().DisallowConcurrentExecution());
            q.AddTrigger<QuartzJob<TJob>>(t => t.ForJob(key).WithIdentity(key.Name + "-every", key.Group).StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(every).RepeatForever()));
        });
        return services;
    }
}

/// <summary>The one Quartz job: resolves the background job in a scope of its own and runs it.</summary>
internal sealed class QuartzJob<TJob>(IServiceScopeFactory scopes) : IJob
    where TJob : IBackgroundJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(cancellationToken);
    }
}

internal sealed class QuartzJobTrigger(ISchedulerFactory schedulers) : IJobTrigger
{
    public static JobKey KeyOf<TJob>() => new(typeof(TJob).Name, "pif");

    public async Task TriggerAsync<TJob>(CancellationToken cancellationToken)
        where TJob : IBackgroundJob
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(KeyOf<TJob>(), cancellationToken);
    }
}
