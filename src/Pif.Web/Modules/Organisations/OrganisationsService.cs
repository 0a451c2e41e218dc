using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations;

/// <summary>National administrators add organisations and keep their names and codes right.</summary>
public sealed class OrganisationsService(AppDbContext db, AuditLog audit)
{
    public async Task<ServiceResult> AddAsync(UserAccess actor, OrganisationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (await ProblemAsync(null, input, cancellationToken) is { } problem)
        {
            return problem;
        }

        var organisation = new Organisation { Code = input.Code, FormerCode = input.FormerCode, Name = input.Name, Kind = input.Kind };
        foreach (var name in input.OtherNames.Prepend(input.Name).DistinctBy(OrganisationNames.Normalise))
        {
            organisation.Aliases.Add(new OrganisationAlias { Name = name, NormalisedName = OrganisationNames.Normalise(name) });
        }

        db.Organisations.Add(organisation);
        audit.Record(actor, "organisation.added", "organisation", organisation.Id, organisation.Id, after: Snapshot(input));
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(organisation.Id);
    }

    /// <summary>Changes names and codes, refusing the change if someone else saved since <paramref name="stamp"/>.</summary>
    public async Task<ServiceResult> UpdateAsync(UserAccess actor, Guid id, Guid stamp, OrganisationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var organisation = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Id == id, cancellationToken);
        if (organisation.ConcurrencyStamp != stamp)
        {
            return ServiceResult.Stale;
        }

        if (await ProblemAsync(id, input, cancellationToken) is { } problem)
        {
            return problem;
        }

        var before = Snapshot(new OrganisationInput(organisation.Name, organisation.Code, organisation.FormerCode, organisation.Kind,
            organisation.Aliases.Where(a => a.Name != organisation.Name).Select(a => a.Name).Order().ToList()));
        organisation.Name = input.Name;
        organisation.Code = input.Code;
        organisation.FormerCode = input.FormerCode;
        organisation.ConcurrencyStamp = Guid.NewGuid();
        var wanted = input.OtherNames.Prepend(input.Name).DistinctBy(OrganisationNames.Normalise).ToDictionary(OrganisationNames.Normalise, n => n);
        db.OrganisationAliases.RemoveRange(organisation.Aliases.Where(a => !wanted.ContainsKey(a.NormalisedName)));
        foreach (var (normalised, name) in wanted.Where(w => organisation.Aliases.All(a => a.NormalisedName != w.Key)))
        {
            db.OrganisationAliases.Add(new OrganisationAlias { OrganisationId = organisation.Id, Name = name, NormalisedName = normalised });
        }

        audit.Record(actor, "organisation.changed", "organisation", organisation.Id, organisation.Id, before, Snapshot(input));
        return await db.SaveOrStaleAsync(organisation.Id, cancellationToken);
    }

    private async Task<ServiceResult?> ProblemAsync(Guid? id, OrganisationInput input, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Id != id && o.Code == input.Code, cancellationToken))
        {
            return ServiceResult.Invalid("Code", $"Another organisation already has the code {input.Code}");
        }

        var names = input.OtherNames.Prepend(input.Name).Select(OrganisationNames.Normalise).ToList();
        var clash = await db.OrganisationAliases.Where(a => a.OrganisationId != id && names.Contains(a.NormalisedName))
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (a, o) => new { a.Name, Organisation = o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return clash is null
            ? null
            : ServiceResult.Invalid("OtherNames", $"'{clash.Name}' is already a name of {clash.Organisation}: each name can belong to one organisation only");
    }

    private static object Snapshot(OrganisationInput input) =>
        new { input.Name, input.Code, input.FormerCode, kind = input.Kind.ToString(), input.OtherNames };
}

public sealed record OrganisationInput(string Name, string Code, string? FormerCode, OrganisationKind Kind, IReadOnlyList<string> OtherNames);
