using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.ImprovementPlans;

internal sealed class ImprovementPlanConfiguration : IEntityTypeConfiguration<ImprovementPlan>
{
    public void Configure(EntityTypeBuilder<ImprovementPlan> builder)
    {
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => new { p.OrganisationId, p.PeriodStart });

        // One plan answers a self-evaluation; a second "create" finds the first.
        builder.HasIndex(p => p.SelfEvaluationId).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelfEvaluation>().WithMany().HasForeignKey(p => p.SelfEvaluationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Approvals).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanApprovalConfiguration : IEntityTypeConfiguration<PlanApproval>
{
    public void Configure(EntityTypeBuilder<PlanApproval> builder)
    {
        builder.HasIndex(a => new { a.PlanId, a.Revision }).IsUnique();
        builder.HasOne<PifUser>().WithMany().HasForeignKey(a => a.ApprovedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("plan_actions");
        builder.Property(a => a.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.IndicatorTarget).HasPrecision(18, 4);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(a => new { a.PlanId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.OwnerId, a.DueDate });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Sources).WithOne().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Cycles).WithOne().HasForeignKey(c => c.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PdsaCycleConfiguration : IEntityTypeConfiguration<PdsaCycle>
{
    public void Configure(EntityTypeBuilder<PdsaCycle> builder)
    {
        builder.ToTable("pdsa_cycles");
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ActionId, c.Number }).IsUnique();
        builder.HasOne<PifUser>().WithMany().HasForeignKey(c => c.StartedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasIndex(m => new { m.ActionId, m.DueDate });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(m => m.DoneById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.Property(u => u.StatusFrom).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.StatusTo).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(u => new { u.ActionId, u.At });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(u => u.EvidenceItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ActionUpdate>().WithMany().HasForeignKey(u => u.CorrectsId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionSourceConfiguration : IEntityTypeConfiguration<ActionSource>
{
    public void Configure(EntityTypeBuilder<ActionSource> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(s => s.QiEvaluationId);

        // The words are kept; the QI it came from may leave the self-evaluation's scope only while it is a draft,
        // which a planned self-evaluation no longer is.
        builder.HasOne<QiEvaluation>().WithMany().HasForeignKey(s => s.QiEvaluationId).OnDelete(DeleteBehavior.Restrict);
    }
}
