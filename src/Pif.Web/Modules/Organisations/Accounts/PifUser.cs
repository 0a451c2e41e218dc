using Microsoft.AspNetCore.Identity;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>A person who signs in to Pif. What they may do comes from their memberships.</summary>
public sealed class PifUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = 256;

    public PifUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }

    /// <summary>Set when someone else chose the password; the user must change it at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<Membership> Memberships { get; init; } = [];
}
