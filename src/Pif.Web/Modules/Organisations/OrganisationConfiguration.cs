using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Modules.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(Organisation.CodeMaxLength);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.FormerCode).HasMaxLength(Organisation.CodeMaxLength);
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(o => o.Aliases).WithOne().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationAliasConfiguration : IEntityTypeConfiguration<OrganisationAlias>
{
    public void Configure(EntityTypeBuilder<OrganisationAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(a => a.NormalisedName).HasMaxLength(Organisation.NameMaxLength);
        builder.HasIndex(a => a.NormalisedName).IsUnique();
    }
}
