using System.Diagnostics;
using Pif.Web.Data;

namespace Pif.Testing;

/// <summary>Runs <c>dotnet Pif.Web.dll …</c> as an operator would, on a test database, and returns its exit code and output.</summary>
public static class PifCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, string environment, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var webDll = typeof(DatabaseMigrator).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [webDll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DataProtection__CertificatePath"] = TestCertificate.Path;
        start.Environment["DataProtection__CertificatePassword"] = TestCertificate.Password;
        foreach (var (key, value) in database.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
