namespace Pif.Web.Modules.Evidence;

/// <summary>Limits on uploads (configuration section <c>Evidence</c>).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The largest file accepted: 20 MiB by default.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most one request may upload, all files together: 60 MiB by default.</summary>
    public long MaxRequestBytes { get; set; } = 60L * 1024 * 1024;
}
