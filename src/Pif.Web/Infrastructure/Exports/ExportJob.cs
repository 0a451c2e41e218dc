using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Infrastructure.Exports;

public enum ExportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A large export made in the background (issue: reports, item 6): asked for from a page, made by
/// <see cref="ExportWorker"/> with the <see cref="IExportProducer"/> of its kind on whichever node claims it first, downloaded by the person who asked, and deleted after
/// <see cref="KeptFor"/>. A node that stops mid-way leaves it Running with an old heartbeat: it is taken up again, or
/// failed with a message once <see cref="MaxAttempts"/> is reached, never left Running.
/// </summary>
public sealed class ExportJob
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public const int MaxAttempts = 3;

    public const int MessageMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public const int KindMaxLength = 40;

    /// <summary>What it makes: the <see cref="IExportProducer.Kind"/> that makes it.</summary>
    public required string Kind { get; init; }

    public required Guid RequestedById { get; init; }

    /// <summary>What it is of: the self-evaluation of a pack; none for the national overview.</summary>
    public Guid? SubjectId { get; init; }

    /// <summary>A choice that shapes it: the framework code of the national overview.</summary>
    public string? Parameter { get; init; }

    /// <summary>The app's address when it was asked for, so links in what it makes lead back to the pages.</summary>
    public required string Site { get; init; }

    public ExportState State { get; set; }

    /// <summary>How far it has got, 0 to 100.</summary>
    public int Progress { get; set; }

    /// <summary>Why it failed, in words for the person who asked.</summary>
    public string? Message { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; set; }

    /// <summary>When the node making it last said it was still at work.</summary>
    public DateTime? HeartbeatAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public long? Length { get; set; }
}

/// <summary>The bytes an export made, apart from its row so lists and polls never read them.</summary>
public sealed class ExportFile
{
    public Guid JobId { get; init; }

    public required byte[] Content { get; init; }
}

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(ExportJob.KindMaxLength);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Parameter).HasMaxLength(100);
        builder.Property(j => j.Site).HasMaxLength(300);
        builder.Property(j => j.Message).HasMaxLength(ExportJob.MessageMaxLength);
        builder.Property(j => j.FileName).HasMaxLength(300);
        builder.Property(j => j.ContentType).HasMaxLength(200);
        builder.HasIndex(j => new { j.State, j.CreatedAt });
        builder.HasIndex(j => j.ExpiresAt);
        builder.HasIndex(j => j.RequestedById);
        builder.HasOne<ExportFile>().WithOne().HasForeignKey<ExportFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExportFileConfiguration : IEntityTypeConfiguration<ExportFile>
{
    public void Configure(EntityTypeBuilder<ExportFile> builder) => builder.HasKey(f => f.JobId);
}
