using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Modules.Notifications;

/// <summary>What happened, as the person it is for reads it in the list and chooses how to hear of it.</summary>
public enum NotificationKind
{
    QisAssigned,
    EvaluationBegan,
    EvaluationSubmitted,
    EvaluationReturned,
    EvaluationValidated,
    EvaluationPublished,
    SubmissionWaiting,
    InspectorComment,
    CommentReply,
    PlanApproved,
    ActionAssigned,
    ActionDue,
    ActionNoUpdate,
    EvidenceReview,
    CaseStudyDecided,
}

/// <summary>How a person wants to hear of a kind by e-mail.</summary>
public enum EmailDelivery
{
    Immediately,
    Weekly,
    Never,
}

/// <summary>Where a notification's e-mail is: the outbox's states.</summary>
public enum EmailState
{
    /// <summary>No e-mail: the person chose none, or this copy of Pif sends no mail.</summary>
    None,

    /// <summary>To be sent at <see cref="Notification.EmailDueAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a sender (one node) and being sent.</summary>
    Sending,

    /// <summary>Waiting for the person's weekly digest.</summary>
    Weekly,

    Sent,

    /// <summary>Given up after a day of failed attempts; national administrators see why in the send log.</summary>
    Failed,
}

/// <summary>
/// Something one person needs to know, written in the same transaction as the event that caused it: it is shown in
/// Pif, and its e-mail (the outbox) is sent by <see cref="NotificationMailer"/> or in the weekly digest.
/// </summary>
public sealed class Notification
{
    public const int TextMaxLength = 600;

    public const int LinkMaxLength = 400;

    public const int ErrorMaxLength = 300;

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(180);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public NotificationKind Kind { get; init; }

    /// <summary>What happened, in one or two sentences, naming what it is about.</summary>
    public required string Text { get; init; }

    /// <summary>The page it is about, as a path within Pif.</summary>
    public required string Link { get; init; }

    /// <summary>The council it is about, if any.</summary>
    public Guid? OrganisationId { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }

    public EmailState EmailState { get; set; }

    public DateTime? EmailDueAt { get; set; }

    public int EmailAttempts { get; set; }

    public DateTime? EmailClaimedAt { get; set; }

    /// <summary>Which sender claimed it, so a sender sends only what it claimed.</summary>
    public Guid? EmailClaim { get; set; }

    public DateTime? EmailSentAt { get; set; }

    public string? EmailError { get; set; }

    /// <summary>For reminders: what and which week, unique per person, so a reminder is written once however often the job runs.</summary>
    public string? ReminderKey { get; init; }
}

/// <summary>A person's choice of e-mail for one kind; a kind without a row is sent at once.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; init; }

    public NotificationKind Kind { get; init; }

    public EmailDelivery Delivery { get; set; }
}

public enum DeliveryResult
{
    Sent,
    Retrying,
    GaveUp,
}

/// <summary>One attempt to send an e-mail, for the send log: to whom, what, when and how it went, never the message.</summary>
public sealed class NotificationDelivery
{
    public const string WeeklyDigest = "WeeklyDigest";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    /// <summary>The notification's kind, or <see cref="WeeklyDigest"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>How many notifications it carried (more than one in a digest).</summary>
    public int Items { get; init; }

    public DateTime At { get; init; }

    public DeliveryResult Result { get; init; }

    /// <summary>Why it failed, as the mail server said.</summary>
    public string? Error { get; init; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.EmailState).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.EmailError).HasMaxLength(Notification.ErrorMaxLength);
        builder.Property(n => n.ReminderKey).HasMaxLength(200);
        builder.HasOne<Organisations.Accounts.PifUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.EmailState, n.EmailDueAt });
        builder.HasIndex(n => n.CreatedAt);
        builder.HasIndex(n => new { n.UserId, n.ReminderKey }).IsUnique();
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Organisations.Accounts.PifUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(40);
        builder.Property(d => d.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Error).HasMaxLength(Notification.ErrorMaxLength);
        builder.HasIndex(d => d.At);
    }
}
