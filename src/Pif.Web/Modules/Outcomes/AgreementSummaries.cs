using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Outcomes;

/// <summary>An outcome agreement in a list: its council, years, state, set and how many local outcomes it has.</summary>
public sealed record AgreementSummary(Guid Id, Guid OrganisationId, string Council, string Title, int FromYear, int ToYear, AgreementState State, string OutcomeSet, int LocalOutcomes)
{
    /// <summary>The agreements the user reads (of one council, when given), by council, newest first.</summary>
    public static async Task<List<AgreementSummary>> ListAsync(AppDbContext db, UserAccess access, Guid? organisationId, CancellationToken cancellationToken)
    {
        var agreements = OutcomeAccess.Visible(db, access);
        if (organisationId is { } council)
        {
            agreements = agreements.Where(a => a.OrganisationId == council);
        }

        var rows = await agreements.Select(a => new AgreementSummary(
                a.Id, a.OrganisationId, db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).Single(), a.Title, a.FromYear, a.ToYear, a.State,
                db.OutcomeSets.Where(s => s.Id == a.OutcomeSetId).Select(s => s.Code).Single(), a.Outcomes.Count))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Council, StringComparer.CurrentCulture).ThenByDescending(r => r.FromYear)];
    }
}
