using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages;

/// <summary>The sections in the site navigation: those the user's roles use, and which one the page is in.</summary>
public static class SiteNavigation
{
    public sealed record Section(string Label, string Path, bool Current);

    public static IReadOnlyList<Section> For(UserAccess access, string requestPath)
    {
        ArgumentNullException.ThrowIfNull(access);
        var sections = new List<(string Label, string Path)> { ("Home", "/") };
        if (SelfEvaluationAccess.SeesAny(access))
        {
            sections.Add(("Self-evaluations", "/self-evaluations"));
        }

        if (EvidenceAccess.Councils(access).Count > 0)
        {
            sections.Add(("Evidence", "/evidence"));
        }

        if (SelfEvaluationAccess.SeesAny(access))
        {
            sections.Add(("Improvement plans", "/improvement-plans"));
        }

        sections.Add(("Performance indicators", "/performance-indicators"));
        sections.Add(("Outcomes", "/outcomes"));
        sections.Add(("Case studies", "/case-studies"));

        sections.Add(("Frameworks", "/frameworks"));
        sections.Add(("Guide", "/guide"));
        sections.Add(("Organisations", "/organisations"));
        if (access.AllowsAnywhere(OrganisationsPermissions.ManageUsers))
        {
            sections.Add(("Users", "/users"));
        }

        if (access.AllowsAnywhere(OrganisationsPermissions.ManageAssignments))
        {
            sections.Add(("Link inspectors", "/assignments"));
        }

        if (access.AllowsAnywhere(OrganisationsPermissions.ViewAuditLog))
        {
            sections.Add(("Audit log", "/audit"));
        }

        if (access.IsNationalAdministrator())
        {
            sections.Add(("Service health", "/service-health"));
        }

        return sections.Select(s => new Section(s.Label, s.Path, IsIn(requestPath, s.Path))).ToList();
    }

    private static bool IsIn(string requestPath, string sectionPath) =>
        sectionPath == "/"
            ? requestPath == "/"
            : requestPath.Equals(sectionPath, StringComparison.OrdinalIgnoreCase) || requestPath.StartsWith(sectionPath + "/", StringComparison.OrdinalIgnoreCase);
}
