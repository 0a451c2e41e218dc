using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

internal sealed class SelfEvaluationConfiguration : IEntityTypeConfiguration<SelfEvaluation>
{
    public void Configure(EntityTypeBuilder<SelfEvaluation> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(SelfEvaluation.TitleMaxLength);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(s => new { s.OrganisationId, s.State });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(s => s.ValidatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(s => s.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(s => s.LeadUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.QiEvaluations).WithOne().HasForeignKey(q => q.SelfEvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QiEvaluationConfiguration : IEntityTypeConfiguration<QiEvaluation>
{
    public void Configure(EntityTypeBuilder<QiEvaluation> builder)
    {
        builder.HasIndex(q => new { q.SelfEvaluationId, q.QualityIndicatorId }).IsUnique();
        builder.Property(q => q.QiCode).HasMaxLength(FrameworkLimits.CodeMaxLength);
        builder.HasOne<QualityIndicator>().WithMany().HasForeignKey(q => q.QualityIndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Assignments).WithOne().HasForeignKey(a => a.QiEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Records).WithOne().HasForeignKey(r => r.QiEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Comments).WithOne().HasForeignKey(c => c.QiEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Decisions).WithOne().HasForeignKey(d => d.QiEvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QiAssignmentConfiguration : IEntityTypeConfiguration<QiAssignment>
{
    public void Configure(EntityTypeBuilder<QiAssignment> builder)
    {
        builder.HasKey(a => new { a.QiEvaluationId, a.UserId });
        builder.HasIndex(a => a.UserId);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationRecordConfiguration : IEntityTypeConfiguration<EvaluationRecord>
{
    public void Configure(EntityTypeBuilder<EvaluationRecord> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Confidence).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();

        // One contribution per contributor and one agreed record per QI evaluation, held by the database.
        builder.HasIndex(r => new { r.QiEvaluationId, r.AuthorId }).IsUnique();
        builder.HasIndex(r => r.QiEvaluationId).IsUnique().HasFilter("\"kind\" = 'Agreed'").HasDatabaseName("ux_evaluation_records_one_agreed");
        builder.HasOne<PifUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecordItemConfiguration : IEntityTypeConfiguration<RecordItem>
{
    public void Configure(EntityTypeBuilder<RecordItem> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class QiCommentConfiguration : IEntityTypeConfiguration<QiComment>
{
    public void Configure(EntityTypeBuilder<QiComment> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.QiEvaluationId, c.At });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QiThreadReadConfiguration : IEntityTypeConfiguration<QiThreadRead>
{
    public void Configure(EntityTypeBuilder<QiThreadRead> builder)
    {
        builder.HasKey(r => new { r.UserId, r.QiEvaluationId });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QiEvaluation>().WithMany().HasForeignKey(r => r.QiEvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ValidationDecisionConfiguration : IEntityTypeConfiguration<ValidationDecision>
{
    public void Configure(EntityTypeBuilder<ValidationDecision> builder)
    {
        // One decision per QI evaluation and submission, held by the database.
        builder.HasIndex(d => new { d.QiEvaluationId, d.Submission }).IsUnique();
        builder.HasOne<PifUser>().WithMany().HasForeignKey(d => d.InspectorId).OnDelete(DeleteBehavior.Restrict);
    }
}
