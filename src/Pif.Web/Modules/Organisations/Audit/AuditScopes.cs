namespace Pif.Web.Modules.Organisations.Audit;

/// <summary>Which audit rows national administrators read: those about what they manage.</summary>
public static class AuditScopes
{
    /// <summary>Entity types about accounts, organisations, assignments, API keys and frameworks.</summary>
    public static readonly IReadOnlyList<string> NationalEntityTypes = ["user", "organisation", "assignment", "api-key", "framework"];
}
