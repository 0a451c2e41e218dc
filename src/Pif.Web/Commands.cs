using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web;

/// <summary>
/// What <c>dotnet Pif.Web.dll</c> does instead of serving, when its first argument names a command:
/// <c>migrate</c>, <c>create-admin --email … --name … [--reset]</c>, <c>backup --to FILE</c>,
/// <c>restore --from FILE</c>. Every other argument goes to the host as configuration.
/// </summary>
internal sealed record Command(string Name, IReadOnlyDictionary<string, string?> Options, string[] HostArgs)
{
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        [DatabaseMigrator.MigrateCommand] = [],
        [AdminCommand.Name] = ["--email", "--name", "--reset"],
        [BackupCommands.Backup] = ["--to"],
        [BackupCommands.Restore] = ["--from"],
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--reset" };

    public static Command? Parse(string[] args)
    {
        if (args.Length == 0 || !Known.TryGetValue(args[0], out var allowed))
        {
            return null;
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                host.Add(args[i]);
            }
            else if (Flags.Contains(name))
            {
                options[name] = "true";
            }
            else
            {
                options[name] = value ?? (i + 1 < args.Length ? args[++i] : null);
            }
        }

        return new Command(args[0], options, [.. host]);
    }

    public string? this[string option] => Options.GetValueOrDefault(option);

    public async Task<int> RunAsync(WebApplication app, TextWriter output)
    {
        switch (Name)
        {
            case DatabaseMigrator.MigrateCommand:
                await app.MigrateDatabaseAsync();
                return 0;
            case AdminCommand.Name:
                await app.MigrateDatabaseAsync();
                return await app.CreateAdminAsync(this["--email"], this["--name"], this["--reset"] is not null, output);
            case BackupCommands.Backup:
                return await app.BackupAsync(this["--to"], output);
            default:
                return await app.RestoreAsync(this["--from"], output);
        }
    }
}
