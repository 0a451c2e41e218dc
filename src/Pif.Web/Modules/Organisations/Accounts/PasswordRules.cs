using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Passwords of 12 to 128 characters with no composition rules, refusing the most common
/// ones (NCSC and NIST guidance). The list is the top 10,000 of SecLists' "10 million
/// passwords" (MIT; see docs/adr/0004-common-password-list.md).
/// </summary>
public sealed class PasswordRules : IPasswordValidator<PifUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int CommonPasswordCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<PifUser> manager, PifUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        password ??= "";
        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Enter a password of {MaximumLength} characters or fewer",
            }));
        }

        if (IsCommon(password) || string.Equals(password, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Choose a password that is harder to guess: this one is among the most common passwords",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pif.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
