using Pif.Web.Data;
using Pif.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddPifDatabase();
builder.AddPifWeb();
builder.AddPifHealthChecks();

var app = builder.Build();

if (args.Contains(DatabaseMigrator.MigrateCommand, StringComparer.Ordinal))
{
    await app.MigrateDatabaseAsync();
    return;
}

await app.MigrateOnStartupIfEnabledAsync();

app.UsePifPipeline();
app.MapPifHealthChecks();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

app.LogStartupBanner();
await app.RunAsync();
