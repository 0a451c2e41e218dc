using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Modules.Frameworks;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(FrameworkLimits.FrameworkCodeMaxLength);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.HasMany(f => f.Versions).WithOne(v => v.Framework).HasForeignKey(v => v.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.HasIndex(v => new { v.FrameworkId, v.Number }).IsUnique();

        // The one-draft rule, held by the database too, so two imports at once cannot both win.
        builder.HasIndex(v => v.FrameworkId).IsUnique().HasFilter("\"status\" = 'Draft'").HasDatabaseName("ux_framework_versions_one_draft");
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(v => v.Scale).WithMany().HasForeignKey(v => v.ScaleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Groups).WithOne().HasForeignKey(g => g.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.QualityIndicators).WithOne().HasForeignKey(q => q.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Mappings).WithOne().HasForeignKey(m => m.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FrameworkGroupConfiguration : IEntityTypeConfiguration<FrameworkGroup>
{
    public void Configure(EntityTypeBuilder<FrameworkGroup> builder)
    {
        builder.Property(g => g.Code).HasMaxLength(FrameworkLimits.CodeMaxLength);
        builder.Property(g => g.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<FrameworkGroup>().WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualityIndicatorConfiguration : IEntityTypeConfiguration<QualityIndicator>
{
    public void Configure(EntityTypeBuilder<QualityIndicator> builder)
    {
        builder.HasIndex(q => new { q.VersionId, q.Code }).IsUnique();
        builder.Property(q => q.Code).HasMaxLength(FrameworkLimits.CodeMaxLength);
        builder.Property(q => q.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<FrameworkGroup>().WithMany().HasForeignKey(q => q.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Themes).WithOne().HasForeignKey(p => p.QualityIndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Illustrations).WithOne().HasForeignKey(p => p.QualityIndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.ChallengeQuestions).WithOne().HasForeignKey(p => p.QualityIndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.SuggestedEvidence).WithOne().HasForeignKey(p => p.QualityIndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QiThemeConfiguration : IEntityTypeConfiguration<QiTheme>
{
    public void Configure(EntityTypeBuilder<QiTheme> builder)
    {
        builder.ToTable("qi_themes");
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class QiIllustrationConfiguration : IEntityTypeConfiguration<QiIllustration>
{
    public void Configure(EntityTypeBuilder<QiIllustration> builder)
    {
        builder.ToTable("qi_illustrations");
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();

        // A theme with illustrations cannot be removed until they are moved or removed.
        builder.HasOne<QiTheme>().WithMany().HasForeignKey(p => p.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChallengeQuestionConfiguration : IEntityTypeConfiguration<ChallengeQuestion>
{
    public void Configure(EntityTypeBuilder<ChallengeQuestion> builder)
    {
        builder.ToTable("qi_challenge_questions");
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class SuggestedEvidenceConfiguration : IEntityTypeConfiguration<SuggestedEvidence>
{
    public void Configure(EntityTypeBuilder<SuggestedEvidence> builder)
    {
        builder.ToTable("qi_suggested_evidence");
        builder.Property(p => p.Family).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class FrameworkMappingConfiguration : IEntityTypeConfiguration<FrameworkMapping>
{
    public void Configure(EntityTypeBuilder<FrameworkMapping> builder)
    {
        builder.Property(m => m.ToFrameworkCode).HasMaxLength(FrameworkLimits.FrameworkCodeMaxLength);
        builder.Property(m => m.ToQiCode).HasMaxLength(FrameworkLimits.CodeMaxLength);
        builder.Property(m => m.Relation).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(m => new { m.ToFrameworkCode, m.ToQiCode });
        builder.HasOne<QualityIndicator>().WithMany().HasForeignKey(m => m.FromQualityIndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationScaleConfiguration : IEntityTypeConfiguration<EvaluationScale>
{
    public void Configure(EntityTypeBuilder<EvaluationScale> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(EvaluationScale.CodeMaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(EvaluationScale.NameMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(s => s.Levels).WithOne().HasForeignKey(l => l.ScaleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScaleLevelConfiguration : IEntityTypeConfiguration<ScaleLevel>
{
    public void Configure(EntityTypeBuilder<ScaleLevel> builder)
    {
        builder.HasIndex(l => new { l.ScaleId, l.Value }).IsUnique();
        builder.Property(l => l.Label).HasMaxLength(EvaluationScale.LabelMaxLength);
        builder.Property(l => l.Meaning).HasMaxLength(EvaluationScale.MeaningMaxLength);
    }
}
