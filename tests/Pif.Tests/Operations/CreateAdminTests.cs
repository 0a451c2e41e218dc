using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Operations;

/// <summary>The first national administrator of a new installation, from the command line.</summary>
public sealed partial class CreateAdminTests
{
    [Fact]
    public async Task CreateAdmin_OnAnEmptyProductionDatabase_MakesANationalAdministratorWhoMustChooseTheirOwnPassword()
    {
        await using var database = TestDatabase.Create();
        var (code, output) = await PifCommand.RunAsync(database, "Production", ["create-admin", "--email", "first.admin@council.example", "--name", "Morag First"], TestContext.Current.CancellationToken);
        var password = OneTimePassword().Match(output).Groups[1].Value;

        Assert.True(code == 0, output);
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", password);
        await using var factory = PifWebFactory.For(database).WithKeyCertificate();
        factory.SeedDemoAccounts = false;
        factory.EnvironmentName = "Production";
        var client = factory.CreateClient();
        await client.SignInAsync("first.admin@council.example", password);
        var landed = await client.GetAsync("/organisations/add", TestContext.Current.CancellationToken);
        var changed = await client.PostFormAsync("/account/change-password",
            ("Input.CurrentPassword", password), ("Input.NewPassword", "the first admin's own password"), ("Input.ConfirmPassword", "the first admin's own password"));
        var offered = await Html.ParseAsync(changed);

        Assert.Equal("/account/change-password", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/two-step-verification", changed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(offered.QuerySelector("#skip-two-step"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organisations/add", TestContext.Current.CancellationToken)).StatusCode);
        var roles = await factory.QueryAsync(db => db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == "first.admin@council.example")).Select(m => new { m.Role, m.Organisation.Code }).ToListAsync());
        Assert.Equal([new { Role = OrganisationRole.NationalAdministrator, Code = "CI" }], roles);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.added" && a.ActorName == "create-admin command")));
    }

    [Fact]
    public async Task CreateAdmin_ForAnAddressThatExists_RefusesAndOffersReset_WhichGivesANewOneTimePassword()
    {
        await using var database = TestDatabase.Create();
        var first = await PifCommand.RunAsync(database, "Testing", ["create-admin", "--email", "twice@council.example", "--name", "Twice Over"], TestContext.Current.CancellationToken);
        var again = await PifCommand.RunAsync(database, "Testing", ["create-admin", "--email", "twice@council.example", "--name", "Twice Over"], TestContext.Current.CancellationToken);
        var reset = await PifCommand.RunAsync(database, "Testing", ["create-admin", "--email", "twice@council.example", "--reset"], TestContext.Current.CancellationToken);
        var missing = await PifCommand.RunAsync(database, "Testing", ["create-admin", "--email", "nobody@council.example", "--reset"], TestContext.Current.CancellationToken);
        var bad = await PifCommand.RunAsync(database, "Testing", ["create-admin", "--name", "No Address"], TestContext.Current.CancellationToken);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--reset", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, reset.ExitCode);
        var newPassword = OneTimePassword().Match(reset.Output).Groups[1].Value;
        Assert.NotEqual(OneTimePassword().Match(first.Output).Groups[1].Value, newPassword);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("e-mail address", bad.Output, StringComparison.Ordinal);

        await using var factory = PifWebFactory.For(database);
        factory.SeedDemoAccounts = false;
        await factory.CreateClient().SignInAsync("twice@council.example", newPassword);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "password.reset" && a.ActorName == "create-admin command")));
    }

    [GeneratedRegex("([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})")]
    private static partial Regex OneTimePassword();
}
