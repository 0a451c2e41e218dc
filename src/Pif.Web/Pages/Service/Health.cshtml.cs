using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Service;

/// <summary>For national administrators: the state of this installation at a glance.</summary>
public sealed class HealthModel(AppDbContext db, CurrentUser current, IConfiguration configuration, IWebHostEnvironment environment, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SessionTimeouts> timeouts) : PageModel
{
    public string Provider { get; private set; } = "";

    public long? DatabaseBytes { get; private set; }

    public IReadOnlyList<string> PendingMigrations { get; private set; } = [];

    public int Files { get; private set; }

    public long FileBytes { get; private set; }

    public BackupCommands.LastBackup? LastBackup { get; private set; }

    public int SignedIn { get; private set; }

    public string Version { get; } = Infrastructure.Version.Informational.Split('+')[0];

    public string Commit { get; } = Infrastructure.Version.Informational.Split('+') is [_, var commit] ? commit : "not recorded in this build";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await current.GetAccessAsync(cancellationToken))?.IsNationalAdministrator() != true)
        {
            return Forbid();
        }

        PendingMigrations = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        Files = await db.EvidenceFiles.CountAsync(cancellationToken);
        FileBytes = Files == 0 ? 0 : await db.EvidenceFiles.SumAsync(f => f.Length, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        SignedIn = await UserSessions.Open(db.UserSessions, now, timeouts.Value.Idle).Select(s => s.UserId).Distinct().CountAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            Provider = "PostgreSQL";
            DatabaseBytes = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
        }
        else
        {
            Provider = "SQLite";
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configuration, environment.ContentRootPath)).DataSource;
            DatabaseBytes = new[] { file, file + "-wal" }.Where(System.IO.File.Exists).Sum(f => new FileInfo(f).Length);
            LastBackup = BackupCommands.LastBackupOf(file);
        }

        return Page();
    }
}
