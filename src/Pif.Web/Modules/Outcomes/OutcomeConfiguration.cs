using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Modules.Outcomes;

internal sealed class OutcomeAgreementConfiguration : IEntityTypeConfiguration<OutcomeAgreement>
{
    public void Configure(EntityTypeBuilder<OutcomeAgreement> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(OutcomeAgreement.TitleMaxLength);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(a => a.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OutcomeSet>().WithMany().HasForeignKey(a => a.OutcomeSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(a => a.AgreedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Outcomes).WithOne().HasForeignKey(o => o.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocalOutcomeConfiguration : IEntityTypeConfiguration<LocalOutcome>
{
    public void Configure(EntityTypeBuilder<LocalOutcome> builder)
    {
        builder.HasIndex(o => new { o.AgreementId, o.Number }).IsUnique();
        builder.Property(o => o.Title).HasMaxLength(LocalOutcome.TitleMaxLength);
        builder.HasMany(o => o.NationalOutcomes).WithOne().HasForeignKey(n => n.LocalOutcomeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Indicators).WithOne().HasForeignKey(n => n.LocalOutcomeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Qis).WithOne().HasForeignKey(n => n.LocalOutcomeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Actions).WithOne().HasForeignKey(n => n.LocalOutcomeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.CaseStudies).WithOne().HasForeignKey(n => n.LocalOutcomeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Progress).WithOne().HasForeignKey(n => n.LocalOutcomeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocalOutcomeNationalConfiguration : IEntityTypeConfiguration<LocalOutcomeNational>
{
    public void Configure(EntityTypeBuilder<LocalOutcomeNational> builder)
    {
        builder.HasKey(n => new { n.LocalOutcomeId, n.NationalOutcomeId });

        // The national view counts the local outcomes mapped to each national outcome.
        builder.HasIndex(n => n.NationalOutcomeId);
        builder.HasOne<NationalOutcome>().WithMany().HasForeignKey(n => n.NationalOutcomeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LocalOutcomeIndicatorConfiguration : IEntityTypeConfiguration<LocalOutcomeIndicator>
{
    public void Configure(EntityTypeBuilder<LocalOutcomeIndicator> builder)
    {
        builder.HasKey(i => new { i.LocalOutcomeId, i.IndicatorId });
        builder.HasIndex(i => i.IndicatorId);
        builder.Property(i => i.BaselinePeriod).HasMaxLength(LocalOutcomeIndicator.PeriodMaxLength);
        builder.HasOne<PerformanceIndicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LocalOutcomeQiConfiguration : IEntityTypeConfiguration<LocalOutcomeQi>
{
    public void Configure(EntityTypeBuilder<LocalOutcomeQi> builder)
    {
        builder.ToTable("local_outcome_qis");
        builder.HasKey(q => new { q.LocalOutcomeId, q.FrameworkCode, q.QiCode });
        builder.Property(q => q.FrameworkCode).HasMaxLength(Frameworks.FrameworkLimits.FrameworkCodeMaxLength);
        builder.Property(q => q.QiCode).HasMaxLength(Frameworks.FrameworkLimits.CodeMaxLength);
    }
}

internal sealed class LocalOutcomeActionConfiguration : IEntityTypeConfiguration<LocalOutcomeAction>
{
    public void Configure(EntityTypeBuilder<LocalOutcomeAction> builder)
    {
        builder.HasKey(a => new { a.LocalOutcomeId, a.ActionId });
        builder.HasIndex(a => a.ActionId);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocalOutcomeCaseStudyConfiguration : IEntityTypeConfiguration<LocalOutcomeCaseStudy>
{
    public void Configure(EntityTypeBuilder<LocalOutcomeCaseStudy> builder)
    {
        builder.ToTable("local_outcome_case_studies");
        builder.HasKey(c => new { c.LocalOutcomeId, c.CaseStudyId });

        // A case study's page names the outcomes it served.
        builder.HasIndex(c => c.CaseStudyId);
        builder.HasOne<CaseStudy>().WithMany().HasForeignKey(c => c.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgressStatementConfiguration : IEntityTypeConfiguration<ProgressStatement>
{
    public void Configure(EntityTypeBuilder<ProgressStatement> builder)
    {
        builder.ToTable("outcome_progress_statements");
        builder.HasKey(p => new { p.LocalOutcomeId, p.Year });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(p => p.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
