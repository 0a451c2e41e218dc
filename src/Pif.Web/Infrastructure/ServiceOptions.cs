namespace Pif.Web.Infrastructure;

/// <summary>Who runs this copy of Pif, as the footer pages tell the public.</summary>
public sealed class ServiceOptions
{
    public const string SectionName = "Service";

    public string OperatorName { get; set; } = "the Pif service team";

    public string ContactEmail { get; set; } = "support@pif.example";
}
