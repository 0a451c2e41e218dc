namespace Pif.Testing;

/// <summary>The real public data in ../shared/data beside the repository (never copied into it).</summary>
public static class SharedData
{
    /// <summary>The full path of a file in shared/data, or null when the folder is not there.</summary>
    public static string? Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pif.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", fileName));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
