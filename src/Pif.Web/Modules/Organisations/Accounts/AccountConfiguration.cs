using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Modules.Organisations.Accounts;

internal sealed class PifUserConfiguration : IEntityTypeConfiguration<PifUser>
{
    public void Configure(EntityTypeBuilder<PifUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(PifUser.DisplayNameMaxLength);
        builder.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // Identity's concurrency stamp guards every save of a user against a silent overwrite.
        builder.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(m => new { m.UserId, m.OrganisationId, m.Role }).IsUnique();
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LinkInspectorAssignmentConfiguration : IEntityTypeConfiguration<LinkInspectorAssignment>
{
    public void Configure(EntityTypeBuilder<LinkInspectorAssignment> builder)
    {
        builder.HasOne<PifUser>().WithMany().HasForeignKey(a => a.InspectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Council).WithMany().HasForeignKey(a => a.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CouncilId, a.Until });
        // One current link inspector per council, even when two administrators assign at once.
        builder.HasIndex(a => a.CouncilId).IsUnique().HasFilter("\"until\" IS NULL").HasDatabaseName("ux_link_inspector_assignments_current");
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.EndReason).HasMaxLength(UserSession.EndReasonMaxLength);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HeldSecretConfiguration : IEntityTypeConfiguration<HeldSecret>
{
    public void Configure(EntityTypeBuilder<HeldSecret> builder)
    {
        builder.Property(s => s.Purpose).HasMaxLength(HeldSecret.PurposeMaxLength);
        builder.HasIndex(s => new { s.UserId, s.Purpose });
        builder.HasOne<PifUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeptFormConfiguration : IEntityTypeConfiguration<KeptForm>
{
    public void Configure(EntityTypeBuilder<KeptForm> builder)
    {
        builder.Property(f => f.Path).HasMaxLength(KeptForm.PathMaxLength);
        builder.HasIndex(f => f.ExpiresAt);
        builder.HasOne<PifUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
