using System.ComponentModel.DataAnnotations;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// <c>create-admin --email … --name …</c>: the first national administrator of a new installation,
/// where nobody can sign in yet; <c>--reset</c> gives an existing one a new one-time password.
/// The one-time password is printed once and must be changed at first sign-in.
/// </summary>
public static class AdminCommand
{
    public const string Name = "create-admin";

    private static readonly AuditActor Actor = new(null, "create-admin command");

    public static async Task<int> CreateAdminAsync(this WebApplication app, string? email, string? name, bool reset, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > PifUser.EmailMaxLength || !new EmailAddressAttribute().IsValid(email))
        {
            await output.WriteLineAsync("Give the administrator's e-mail address: create-admin --email name@council.gov.uk --name \"Full Name\"");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UsersService>();
        var cancellationToken = app.Lifetime.ApplicationStopping;
        if (reset)
        {
            var again = await users.ResetNationalAdministratorAsync(Actor, email, cancellationToken);
            if (again is null)
            {
                await output.WriteLineAsync($"{email} is not a national administrator's address, so it has not been reset. --reset only gives an existing national administrator a new one-time password.");
                return 1;
            }

            await output.WriteLineAsync($"{email} has a new one-time password: {again}");
            await output.WriteLineAsync("Their old password, sessions and API keys no longer work. Give them the password yourself; they must choose their own when they sign in.");
            return 0;
        }

        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > PifUser.DisplayNameMaxLength)
        {
            await output.WriteLineAsync($"Give the administrator's full name, of {PifUser.DisplayNameMaxLength} characters or fewer: --name \"Full Name\"");
            return 2;
        }

        var password = await users.AddNationalAdministratorAsync(Actor, email, name, cancellationToken);
        if (password is null)
        {
            await output.WriteLineAsync($"An account with the address {email} already exists, so nothing has been created. To give an existing national administrator a new one-time password, run create-admin --email {email} --reset.");
            return 1;
        }

        await output.WriteLineAsync($"{name} ({email}) is a national administrator of the Care Inspectorate.");
        await output.WriteLineAsync($"One-time password: {password}");
        await output.WriteLineAsync("It is shown only this once. Sign in at /sign-in with it; Pif then asks for a new password, and offers two-step verification.");
        return 0;
    }
}
