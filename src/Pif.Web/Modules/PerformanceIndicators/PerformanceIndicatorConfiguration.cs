using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.PerformanceIndicators.CareRegister;
using Pif.Web.Modules.PerformanceIndicators.Importing;
using Pif.Web.Modules.PerformanceIndicators.Targets;

namespace Pif.Web.Modules.PerformanceIndicators;

internal sealed class PerformanceIndicatorConfiguration : IEntityTypeConfiguration<PerformanceIndicator>
{
    public void Configure(EntityTypeBuilder<PerformanceIndicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(PerformanceIndicator.CodeMaxLength);
        builder.Property(i => i.NormalisedCode).HasMaxLength(PerformanceIndicator.CodeMaxLength);
        builder.Property(i => i.Title).HasMaxLength(PerformanceIndicator.TitleMaxLength);
        builder.Property(i => i.NumberFormat).HasMaxLength(50);
        builder.Property(i => i.Category).HasMaxLength(200);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.MeasureType).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Polarity).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.PeriodType).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Grouping).HasConversion<string>().HasMaxLength(30);

        // A code names one national indicator, and one local indicator within its council.
        builder.HasIndex(i => new { i.OwnerOrganisationId, i.NormalisedCode }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorImport>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Area).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Period).HasMaxLength(20);
        builder.HasIndex(v => new { v.IndicatorId, v.OrganisationId, v.FromYear });

        // Every council's figure for one period: the all-councils view and the profile.
        builder.HasIndex(v => new { v.IndicatorId, v.Period });
        builder.HasIndex(v => v.ImportId);
        builder.HasOne<PerformanceIndicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorImport>().WithMany().HasForeignKey(v => v.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FamilyGroupMembershipConfiguration : IEntityTypeConfiguration<FamilyGroupMembership>
{
    public void Configure(EntityTypeBuilder<FamilyGroupMembership> builder)
    {
        builder.Property(m => m.Grouping).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(m => new { m.Grouping, m.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorImportConfiguration : IEntityTypeConfiguration<IndicatorImport>
{
    public void Configure(EntityTypeBuilder<IndicatorImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(IndicatorImport.FileNameMaxLength);
        builder.Property(i => i.Layout).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(i => i.CreatedAt);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(i => i.CommittedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportColumnMappingConfiguration : IEntityTypeConfiguration<ImportColumnMapping>
{
    public void Configure(EntityTypeBuilder<ImportColumnMapping> builder)
    {
        builder.Property(m => m.Signature).HasMaxLength(ImportColumnMapping.SignatureLength);
        builder.HasIndex(m => m.Signature).IsUnique();
        builder.HasOne<PifUser>().WithMany().HasForeignKey(m => m.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegisteredServiceConfiguration : IEntityTypeConfiguration<RegisteredService>
{
    public void Configure(EntityTypeBuilder<RegisteredService> builder)
    {
        builder.Property(s => s.CsNumber).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(RegisteredService.NameMaxLength);
        builder.Property(s => s.CareService).HasMaxLength(100);
        builder.Property(s => s.Subtype).HasMaxLength(100);
        builder.Property(s => s.Sector).HasMaxLength(60);
        builder.Property(s => s.Provider).HasMaxLength(RegisteredService.NameMaxLength);
        builder.Property(s => s.ClientGroup).HasMaxLength(20);
        builder.Ignore(s => s.GoodOrBetter);
        builder.HasIndex(s => new { s.OrganisationId, s.Current });
        builder.HasIndex(s => s.CsNumber);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IndicatorImport>().WithMany().HasForeignKey(s => s.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CouncilIndicatorYearConfiguration : IEntityTypeConfiguration<CouncilIndicatorYear>
{
    public void Configure(EntityTypeBuilder<CouncilIndicatorYear> builder)
    {
        builder.Property(y => y.Period).HasMaxLength(20);
        builder.Property(y => y.ConcurrencyStamp).IsConcurrencyToken();

        // One target and commentary per indicator, council and period.
        builder.HasIndex(y => new { y.IndicatorId, y.OrganisationId, y.Period }).IsUnique();
        builder.HasOne<PerformanceIndicator>().WithMany().HasForeignKey(y => y.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(y => y.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(y => y.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpcRebaseConfiguration : IEntityTypeConfiguration<SpcRebase>
{
    public void Configure(EntityTypeBuilder<SpcRebase> builder)
    {
        builder.Property(r => r.Period).HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(SpcRebase.ReasonMaxLength);

        // New limits start at a period once for a council's indicator.
        builder.HasIndex(r => new { r.IndicatorId, r.OrganisationId, r.Period }).IsUnique();
        builder.HasOne<PerformanceIndicator>().WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QiIndicatorLinkConfiguration : IEntityTypeConfiguration<QiIndicatorLink>
{
    public void Configure(EntityTypeBuilder<QiIndicatorLink> builder)
    {
        builder.Property(l => l.FrameworkCode).HasMaxLength(QiIndicatorLink.CodeMaxLength);
        builder.Property(l => l.QiCode).HasMaxLength(QiIndicatorLink.CodeMaxLength);
        builder.HasIndex(l => new { l.FrameworkCode, l.QiCode, l.IndicatorId }).IsUnique();
        builder.HasIndex(l => l.IndicatorId);
        builder.HasOne<PerformanceIndicator>().WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
