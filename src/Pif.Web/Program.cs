using Pif.Web;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Exports;
using Pif.Web.Infrastructure.Jobs;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Guidance;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.Reports;
using Pif.Web.Modules.SelfEvaluations;
using Pif.Web.Pages.Reports;

var command = Command.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);

builder.AddPifDatabase();
builder.AddPifWeb();
builder.AddPifTelemetry();
builder.AddPifAccounts();
builder.AddPifFrameworks();
builder.AddPifGuidance();
builder.AddPifSelfEvaluations();
builder.AddPifEvidence();
builder.AddPifImprovementPlans();
builder.AddPifPerformanceIndicators();
builder.AddPifNationalOutcomes();
builder.AddPifCaseStudies();
builder.AddPifOutcomes();
builder.AddPifReports();
builder.AddPifJobs();
builder.AddPifNotifications();
builder.AddPifExportQueue();
builder.AddPifReportExports();
builder.AddPifHealthChecks();

var app = builder.Build();

if (command is not null)
{
    Environment.ExitCode = await command.RunAsync(app, Console.Out);
    return;
}

// Everything a node does to the database as it starts, one node at a time.
await using (await StartupLock.TakeAsync(app.Services, app.Lifetime.ApplicationStopping))
{
    if (app.MigratesOnStartup())
    {
        await app.MigrateDatabaseAsync();
    }

    if (app.Environment.IsDevelopment())
    {
        await app.SeedDemoAccountsAsync();
        await app.SeedDemoSelfEvaluationsAsync();
        await app.SeedDemoEvidenceAsync();
        await app.SeedDemoImprovementPlansAsync();
        await app.SeedDemoIndicatorsAsync();
        await app.SeedDemoCaseStudiesAsync();
        await app.SeedDemoOutcomesAsync();
    }
}

app.HoldTheDatabase();
app.ClearUploadBuffers();
app.UsePifPipeline();
app.UsePifAccounts();
app.MapPifHealthChecks();
app.MapPifMetrics();
app.MapPifApi();
app.MapPifOpenApi();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();

app.LogStartupBanner();
await app.RunAsync();
