using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// What a user may do on a council's self-evaluation, in one place for services, pages, APIs and
/// other modules (what they may see is <see cref="SelfEvaluationAccess"/>). Whether the self-evaluation's
/// state allows the step is the service's to say; these say whose step it is.
/// </summary>
public static class SelfEvaluationPermissions
{
    /// <summary>The named lead: shapes the self-evaluation, writes the agreed records and submits. Only while they are an evaluation lead of the council.</summary>
    public static bool Leads(UserAccess access, Guid leadUserId, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return leadUserId == access.UserId && MayLeadIn(access, organisationId);
    }

    /// <summary>
    /// Who writes on a QI (their contribution, replies to the inspector, linked evidence): the named lead,
    /// or a contributor assigned to the QI, only while they hold the Contributor role in the council.
    /// </summary>
    public static bool WritesOnQi(UserAccess access, Guid leadUserId, Guid organisationId, bool assigned)
    {
        ArgumentNullException.ThrowIfNull(access);
        return Leads(access, leadUserId, organisationId) || (assigned && MayContributeIn(access, organisationId));
    }

    /// <summary>Whether the user's role in the council lets them lead a self-evaluation named for them; for queries over many.</summary>
    public static bool MayLeadIn(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Has(OrganisationRole.EvaluationLead, organisationId);
    }

    /// <summary>Whether the user's role in the council lets them write on the QIs assigned to them; for queries over many.</summary>
    public static bool MayContributeIn(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Has(OrganisationRole.Contributor, organisationId);
    }
}
