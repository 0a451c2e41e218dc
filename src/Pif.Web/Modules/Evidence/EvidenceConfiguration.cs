using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Evidence;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(EvidenceItem.TitleMaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Link).HasMaxLength(EvidenceItem.LinkMaxLength);
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(e => new { e.OrganisationId, e.Title });
        builder.HasIndex(e => new { e.OwnerId, e.ReviewDate });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(e => e.AddedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Files).WithOne().HasForeignKey(f => f.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(EvidenceFile.NameMaxLength);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FileChunkConfiguration : IEntityTypeConfiguration<FileChunk>
{
    public void Configure(EntityTypeBuilder<FileChunk> builder)
    {
        builder.ToTable("file_chunks");
        builder.HasKey(c => new { c.FileId, c.Index });
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.HasKey(l => new { l.EvidenceItemId, l.QiEvaluationId });
        builder.HasIndex(l => l.QiEvaluationId);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(l => l.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);

        // A QI taken out of scope takes its links with it; the evidence stays in the library.
        builder.HasOne<QiEvaluation>().WithMany().HasForeignKey(l => l.QiEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(l => l.LinkedById).OnDelete(DeleteBehavior.Restrict);
    }
}
