namespace Pif.Web.Infrastructure;

/// <summary>
/// Where ASP.NET Core buffers large form uploads while it reads them: a folder of Pif's own
/// (<c>Uploads:BufferPath</c>), emptied when Pif starts serving, since a process killed mid-upload
/// leaves its buffer files behind and nothing else ever removes them.
/// </summary>
public static class UploadBuffers
{
    public const string DefaultPath = "App_Data/upload-buffers";

    public static WebApplicationBuilder AddPifUploadBuffers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration["Uploads:BufferPath"];
        var folder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured));
        Directory.CreateDirectory(folder);

        // ASP.NET Core reads this once, when it first buffers a form.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", folder);
        builder.Services.AddSingleton(new Folder(folder));
        return builder;
    }

    /// <summary>Empties the folder; only when serving, so a command run beside a serving node leaves its uploads alone.</summary>
    public static void ClearUploadBuffers(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var file in Directory.EnumerateFiles(app.Services.GetRequiredService<Folder>().Path))
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process on this machine may still be reading it: it is that process's to remove.
            }
        }
    }

    private sealed record Folder(string Path);
}
