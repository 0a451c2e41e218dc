using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Modules.NationalOutcomes;

internal sealed class OutcomeSetConfiguration : IEntityTypeConfiguration<OutcomeSet>
{
    public void Configure(EntityTypeBuilder<OutcomeSet> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(OutcomeSet.CodeMaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(OutcomeSet.TitleMaxLength);
        builder.Property(s => s.Source).HasMaxLength(OutcomeSet.SourceMaxLength);
        builder.HasMany(s => s.Outcomes).WithOne().HasForeignKey(o => o.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NationalOutcomeConfiguration : IEntityTypeConfiguration<NationalOutcome>
{
    public void Configure(EntityTypeBuilder<NationalOutcome> builder)
    {
        builder.HasIndex(o => new { o.SetId, o.Number }).IsUnique();
        builder.Property(o => o.Title).HasMaxLength(NationalOutcome.TitleMaxLength);
        builder.Property(o => o.Statement).HasMaxLength(NationalOutcome.StatementMaxLength);
    }
}
