using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

var builder = WebApplication.CreateBuilder(args);

builder.AddPifDatabase();
builder.AddPifWeb();
builder.AddPifAccounts();
builder.AddPifFrameworks();
builder.AddPifSelfEvaluations();
builder.AddPifEvidence();
builder.AddPifHealthChecks();

var app = builder.Build();

if (args.Contains(DatabaseMigrator.MigrateCommand, StringComparer.Ordinal))
{
    await app.MigrateDatabaseAsync();
    return;
}

await app.MigrateOnStartupIfEnabledAsync();
if (app.Environment.IsDevelopment())
{
    await app.SeedDemoAccountsAsync();
    await app.SeedDemoSelfEvaluationsAsync();
    await app.SeedDemoEvidenceAsync();
}

app.UsePifPipeline();
app.UsePifAccounts();
app.MapPifHealthChecks();
app.MapPifApi();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();

app.LogStartupBanner();
await app.RunAsync();
