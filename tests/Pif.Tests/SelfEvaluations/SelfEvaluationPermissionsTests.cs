using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.SelfEvaluations;

/// <summary>Whose step it is on a self-evaluation: the one rule every service, page and module asks.</summary>
public sealed class SelfEvaluationPermissionsTests
{
    private static readonly Guid Council = Guid.NewGuid();
    private static readonly Guid OtherCouncil = Guid.NewGuid();
    private static readonly Guid Me = Guid.NewGuid();

    [Theory]
    [InlineData(OrganisationRole.EvaluationLead, true, false, true)]
    [InlineData(OrganisationRole.EvaluationLead, true, true, true)]
    [InlineData(OrganisationRole.EvaluationLead, false, true, false)]
    [InlineData(OrganisationRole.Contributor, false, true, true)]
    [InlineData(OrganisationRole.Contributor, false, false, false)]
    [InlineData(OrganisationRole.Contributor, true, false, false)]
    [InlineData(OrganisationRole.OrganisationAdministrator, false, true, false)]
    [InlineData(OrganisationRole.OrganisationAdministrator, true, true, false)]
    [InlineData(OrganisationRole.Viewer, false, true, false)]
    public void WritesOnQi_TheNamedLeadOrAnAssignedContributor(OrganisationRole role, bool namedLead, bool assigned, bool writes)
    {
        var access = As(role, Council);

        Assert.Equal(writes, SelfEvaluationPermissions.WritesOnQi(access, namedLead ? Me : Guid.NewGuid(), Council, assigned));
    }

    [Fact]
    public void WritesOnQi_ARoleInAnotherCouncilCountsForNothing()
    {
        Assert.False(SelfEvaluationPermissions.WritesOnQi(As(OrganisationRole.Contributor, OtherCouncil), Guid.NewGuid(), Council, assigned: true));
        Assert.False(SelfEvaluationPermissions.WritesOnQi(As(OrganisationRole.EvaluationLead, OtherCouncil), Me, Council, assigned: false));
    }

    [Fact]
    public void Leads_OnlyTheNamedLeadWhileAnEvaluationLead()
    {
        Assert.True(SelfEvaluationPermissions.Leads(As(OrganisationRole.EvaluationLead, Council), Me, Council));
        Assert.False(SelfEvaluationPermissions.Leads(As(OrganisationRole.EvaluationLead, Council), Guid.NewGuid(), Council));
        Assert.False(SelfEvaluationPermissions.Leads(As(OrganisationRole.OrganisationAdministrator, Council), Me, Council));
        Assert.False(SelfEvaluationPermissions.Leads(As(OrganisationRole.Contributor, Council), Me, Council));
    }

    private static UserAccess As(OrganisationRole role, Guid organisation) =>
        new(Me, "Test user", "test@pif.example", [new MembershipView(organisation, "Test council", OrganisationKind.Council, role)], [], MustChangePassword: false);
}
