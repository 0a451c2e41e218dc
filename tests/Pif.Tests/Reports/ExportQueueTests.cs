using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Exports;
using Pif.Web.Pages.Reports;

namespace Pif.Tests.Reports;

/// <summary>
/// The background export queue: only the person who asked sees an export; one left Running by a stopped node is made
/// again, or failed with a message after its attempts, never left Running; a failure says why; expired exports are
/// deleted; and two nodes on one PostgreSQL make each export once.
/// </summary>
public sealed class ExportQueueTests
{
    private const string NationalAdmin = "national.admin@pif.example";

    [Fact]
    public async Task AnExport_IsSeenAndDownloadedOnlyByWhoAskedForIt()
    {
        await using var factory = new PifWebFactory();
        await SeedAsync(factory);
        var admin = await EvaluationSteps.AsAsync(factory, NationalAdmin);
        var page = await ExportSteps.MakeAsync(admin, "/reports/national?handler=Prepare");
        var shown = await Html.ParseAsync(await admin.GetAsync(page, TestContext.Current.CancellationToken));
        Assert.Equal("The national overview as a spreadsheet", shown.QuerySelector("h1").Text());

        var inspector = await EvaluationSteps.AsAsync(factory, "inspector@pif.example");
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync(page, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"{page}?handler=File", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"{page}?handler=Status", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ANodeThatStopped_LeavesNothingRunning_TheExportIsMadeAgainOrFailsWithAMessage_AndExpiredOnesAreDeleted()
    {
        await using var factory = new PifWebFactory();
        await SeedAsync(factory);
        var admin = await factory.QueryAsync(db => db.Users.Where(u => u.Email == NationalAdmin).Select(u => u.Id).SingleAsync());
        var now = DateTime.UtcNow;
        ExportJob Job(ExportState state, int attempts, DateTime? heartbeat, string kind = ReportExports.National, Guid? subject = null, DateTime? expires = null) => new()
        {
            Kind = kind,
            RequestedById = admin,
            SubjectId = subject,
            Site = "https://pif.example",
            State = state,
            Attempts = attempts,
            HeartbeatAt = heartbeat,
            CreatedAt = now.AddMinutes(-10),
            ExpiresAt = expires ?? now.AddDays(7),
        };
        var resumed = Job(ExportState.Running, 1, now.AddMinutes(-5));
        var exhausted = Job(ExportState.Running, ExportJob.MaxAttempts, now.AddMinutes(-5));
        var busy = Job(ExportState.Running, 1, now);
        var unseen = Job(ExportState.Queued, 0, null, ReportExports.PackZip, Guid.NewGuid());
        var expired = Job(ExportState.Done, 1, now.AddDays(-8), expires: now.AddMinutes(-1));
        await factory.QueryAsync(async db =>
        {
            db.ExportJobs.AddRange(resumed, exhausted, busy, unseen, expired);
            db.ExportFiles.Add(new ExportFile { JobId = expired.Id, Content = [1, 2, 3] });
            return await db.SaveChangesAsync();
        });

        await RunAsync<ExportWorker>(factory);
        await RunAsync<ExportCleanup>(factory);

        var jobs = await factory.QueryAsync(db => db.ExportJobs.AsNoTracking().ToDictionaryAsync(j => j.Id));
        Assert.Equal((ExportState.Done, 2), (jobs[resumed.Id].State, jobs[resumed.Id].Attempts));
        Assert.Equal((ExportState.Failed, ExportWorker.Interrupted), (jobs[exhausted.Id].State, jobs[exhausted.Id].Message));
        Assert.Equal(ExportState.Running, jobs[busy.Id].State);
        Assert.Equal((ExportState.Failed, ReportExports.NoLongerSeen), (jobs[unseen.Id].State, jobs[unseen.Id].Message));
        Assert.False(jobs.ContainsKey(expired.Id));
        Assert.False(await factory.QueryAsync(db => db.ExportFiles.AnyAsync(f => f.JobId == expired.Id)));
        Assert.True(await factory.QueryAsync(db => db.ExportFiles.AnyAsync(f => f.JobId == resumed.Id)));
    }

    [Fact]
    [Trait("Database", "Postgres")]
    public async Task TwoNodesOnOnePostgreSql_MakeEachExportOnce()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var first = PifWebFactory.For(database);
        _ = first.Server;
        await SeedAsync(first);
        await using var second = PifWebFactory.For(database);
        second.SeedDemoAccounts = false;
        _ = second.Server;
        var admin = await first.QueryAsync(db => db.Users.Where(u => u.Email == NationalAdmin).Select(u => u.Id).SingleAsync());
        var jobs = Enumerable.Range(0, 8).Select(i => new ExportJob
        {
            Kind = ReportExports.National,
            RequestedById = admin,
            Site = "https://pif.example",
            State = ExportState.Queued,
            CreatedAt = DateTime.UtcNow.AddSeconds(i),
            ExpiresAt = DateTime.UtcNow.AddDays(7),
        }).ToList();
        await first.QueryAsync(async db =>
        {
            db.ExportJobs.AddRange(jobs);
            return await db.SaveChangesAsync();
        });

        await Task.WhenAll(RunAsync<ExportWorker>(first), RunAsync<ExportWorker>(second), RunAsync<ExportWorker>(first), RunAsync<ExportWorker>(second));

        var made = await second.QueryAsync(db => db.ExportJobs.AsNoTracking().ToListAsync());
        Assert.All(made, j => Assert.Equal((ExportState.Done, 1), (j.State, j.Attempts)));
        Assert.Equal(8, await second.QueryAsync(db => db.ExportFiles.CountAsync()));
    }

    /// <summary>The demo's published and validated self-evaluation, so the national overview has something to export.</summary>
    private static async Task SeedAsync(PifWebFactory factory)
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Pif.Web.Modules.SelfEvaluations.SelfEvaluationDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
    }

    private static async Task RunAsync<TJob>(PifWebFactory factory)
        where TJob : Pif.Web.Infrastructure.Jobs.IBackgroundJob
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(TestContext.Current.CancellationToken);
    }
}
