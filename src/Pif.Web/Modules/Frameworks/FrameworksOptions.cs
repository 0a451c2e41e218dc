namespace Pif.Web.Modules.Frameworks;

/// <summary>Configuration section <c>Frameworks</c>.</summary>
public sealed class FrameworksOptions
{
    public const string Section = "Frameworks";

    /// <summary>The largest framework file the import takes, in bytes: 2 MB by default.</summary>
    public int MaxImportBytes { get; set; } = 2 * 1024 * 1024;
}
