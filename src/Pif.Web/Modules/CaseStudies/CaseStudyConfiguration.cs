using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Modules.CaseStudies;

internal sealed class CaseStudyConfiguration : IEntityTypeConfiguration<CaseStudy>
{
    public void Configure(EntityTypeBuilder<CaseStudy> builder)
    {
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(c => c.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Comments).WithOne().HasForeignKey(r => r.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsPublic);
    }
}

internal sealed class CaseStudyRevisionConfiguration : IEntityTypeConfiguration<CaseStudyRevision>
{
    public void Configure(EntityTypeBuilder<CaseStudyRevision> builder)
    {
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ServiceAreas).HasConversion<int>();
        builder.HasIndex(r => new { r.CaseStudyId, r.Number }).IsUnique();

        // The reviewers' list of what waits for them reads the few submitted revisions, not every one.
        builder.HasIndex(r => r.State);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(r => r.PublishedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Councils).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Qis).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Indicators).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actions).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Outcomes).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStudyCouncilConfiguration : IEntityTypeConfiguration<CaseStudyCouncil>
{
    public void Configure(EntityTypeBuilder<CaseStudyCouncil> builder)
    {
        builder.ToTable("case_study_councils");
        builder.HasKey(c => new { c.RevisionId, c.OrganisationId });
        builder.HasIndex(c => c.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseStudyQiConfiguration : IEntityTypeConfiguration<CaseStudyQi>
{
    public void Configure(EntityTypeBuilder<CaseStudyQi> builder)
    {
        builder.ToTable("case_study_qis");
        builder.HasKey(q => new { q.RevisionId, q.FrameworkCode, q.QiCode });
        builder.Property(q => q.FrameworkCode).HasMaxLength(Frameworks.FrameworkLimits.FrameworkCodeMaxLength);
        builder.Property(q => q.QiCode).HasMaxLength(Frameworks.FrameworkLimits.CodeMaxLength);

        // "How others improved this" on a QI's page looks case studies up by the QI, newest revision (a version 7 id) first.
        builder.HasIndex(q => new { q.FrameworkCode, q.QiCode, q.RevisionId });
    }
}

internal sealed class CaseStudyIndicatorConfiguration : IEntityTypeConfiguration<CaseStudyIndicator>
{
    public void Configure(EntityTypeBuilder<CaseStudyIndicator> builder)
    {
        builder.HasKey(i => new { i.RevisionId, i.IndicatorId });
        builder.HasIndex(i => i.IndicatorId);
        builder.Property(i => i.BeforePeriod).HasMaxLength(CaseStudyIndicator.PeriodMaxLength);
        builder.Property(i => i.AfterPeriod).HasMaxLength(CaseStudyIndicator.PeriodMaxLength);
        builder.HasOne<PerformanceIndicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseStudyOutcomeConfiguration : IEntityTypeConfiguration<CaseStudyOutcome>
{
    public void Configure(EntityTypeBuilder<CaseStudyOutcome> builder)
    {
        builder.ToTable("case_study_outcomes");
        builder.HasKey(o => new { o.RevisionId, o.NationalOutcomeId });

        // The library's outcome filter looks case studies up by the national outcome.
        builder.HasIndex(o => new { o.NationalOutcomeId, o.RevisionId });
        builder.HasOne<NationalOutcome>().WithMany().HasForeignKey(o => o.NationalOutcomeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseStudyActionConfiguration : IEntityTypeConfiguration<CaseStudyAction>
{
    public void Configure(EntityTypeBuilder<CaseStudyAction> builder)
    {
        builder.ToTable("case_study_actions");
        builder.HasKey(a => new { a.RevisionId, a.ActionId });

        // An action's page lists the case studies that tell of it; an action merged away takes its links with it.
        builder.HasIndex(a => a.ActionId);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStudyEvidenceConfiguration : IEntityTypeConfiguration<CaseStudyEvidence>
{
    public void Configure(EntityTypeBuilder<CaseStudyEvidence> builder)
    {
        builder.ToTable("case_study_evidence");
        builder.HasKey(e => new { e.RevisionId, e.EvidenceItemId });
        builder.HasIndex(e => e.EvidenceItemId);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(e => e.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStudyCommentConfiguration : IEntityTypeConfiguration<CaseStudyComment>
{
    public void Configure(EntityTypeBuilder<CaseStudyComment> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.CaseStudyId, c.At });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The plain table of searchable words. Each database adds its own full-text index over it in its migration:
/// SQLite an FTS5 table kept by triggers, PostgreSQL a generated tsvector column with a GIN index (see <see cref="CaseStudySearch"/>).
/// </summary>
internal sealed class CaseStudySearchEntryConfiguration : IEntityTypeConfiguration<CaseStudySearchEntry>
{
    public void Configure(EntityTypeBuilder<CaseStudySearchEntry> builder)
    {
        builder.ToTable("case_study_search_entries");
        builder.HasKey(e => e.CaseStudyId);
        builder.HasOne<CaseStudy>().WithOne().HasForeignKey<CaseStudySearchEntry>(e => e.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseStudyRevision>().WithMany().HasForeignKey(e => e.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ServiceAreas).HasConversion<int>();
        builder.HasIndex(e => e.PublishedAt);
        builder.HasIndex(e => e.Year);
        builder.HasIndex(e => e.OrganisationId);
    }
}
