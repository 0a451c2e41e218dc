using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 2: a reset, a lockout by an administrator and removal from an organisation revoke the person's keys; administrators see and revoke them.</summary>
public sealed class KeyRevocationTests
{
    private static readonly StringContent EvidenceJson = new(
        """{"title":"Key test","kind":"StaffSurvey","effectiveFrom":"2026-01-01","effectiveTo":"2026-03-31"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task ResetPassword_RevokesTheirKeys_AndEndsTheirSessionsAtOnce()
    {
        await using var factory = new PifWebFactory();
        var person = factory.CreateClient();
        await person.SignInAsync("contributor1.glasgow@pif.example");
        var key = await CreateKeyAsync(person);
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");
        var id = await UserIdAsync(factory, "contributor1.glasgow@pif.example");
        var api = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(WithKey(HttpMethod.Get, "/api/v1/self-evaluations", key), TestContext.Current.CancellationToken)).StatusCode);

        await admin.PostFormAsync($"/users/{id}?handler=ResetPassword");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(WithKey(HttpMethod.Get, "/api/v1/self-evaluations", key), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(WithKey(HttpMethod.Post, "/api/v1/evidence", key, EvidenceJson), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("/sign-in", await LandsOnAsync(person, "/self-evaluations"));
        Assert.True(await factory.QueryAsync(db => db.ApiKeys.Where(k => k.UserId == id).AllAsync(k => k.RevokedAt != null)));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "api-key.revoked" && a.ActorName == "admin.glasgow@pif.example")));
    }

    [Fact]
    public async Task Lock_ByAnAdministrator_RevokesKeysEndsSessionsAndRefusesSignIn_UntilUnlocked()
    {
        await using var factory = new PifWebFactory();
        var person = factory.CreateClient();
        await person.SignInAsync("contributor2.glasgow@pif.example");
        var key = await CreateKeyAsync(person);
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");
        var id = await UserIdAsync(factory, "contributor2.glasgow@pif.example");

        var locked = await Html.ParseAsync(await admin.PostFormAsync($"/users/{id}?handler=Lock"));
        var signIn = await Html.ParseAsync(await factory.CreateClient().PostFormAsync("/sign-in", ("Input.Email", "contributor2.glasgow@pif.example"), ("Input.Password", PifWebFactory.DemoPassword)));

        Assert.Contains("locked", locked.QuerySelector(".ds_notification-panel__title").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(WithKey(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("/sign-in", await LandsOnAsync(person, "/self-evaluations"));
        Assert.Equal("Enter a correct e-mail address and password", signIn.QuerySelector("#Input_Email-error").Text());
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.locked" && a.EntityId == id)));

        await admin.PostFormAsync($"/users/{id}?handler=Unlock");
        var again = factory.CreateClient();
        await again.SignInAsync("contributor2.glasgow@pif.example");
        Assert.Equal("/self-evaluations", await LandsOnAsync(again, "/self-evaluations"));
    }

    [Fact]
    public async Task RemovalFromTheOrganisation_RevokesThatOrganisationsKeys_AndAuditsIt()
    {
        await using var factory = new PifWebFactory();
        var person = factory.CreateClient();
        await person.SignInAsync("viewer.glasgow@pif.example");
        var key = await CreateKeyAsync(person, "read");
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");
        var id = await UserIdAsync(factory, "viewer.glasgow@pif.example");
        var glasgow = await OrganisationIdAsync(factory, "Glasgow City");

        await admin.PostFormAsync($"/users/{id}?handler=Roles", ("organisationId", glasgow.ToString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(WithKey(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await factory.QueryAsync(db => db.ApiKeys.Where(k => k.UserId == id).AllAsync(k => k.RevokedAt != null)));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "api-key.revoked" && a.OrganisationId == glasgow)));
    }

    [Fact]
    public async Task Administrators_SeeAndRevokeTheKeysOfTheirCouncilsUsers_OthersCannot()
    {
        await using var factory = new PifWebFactory();
        var person = factory.CreateClient();
        await person.SignInAsync("lead.glasgow@pif.example");
        var key = await CreateKeyAsync(person);
        var id = await UserIdAsync(factory, "lead.glasgow@pif.example");
        var keyId = await factory.QueryAsync(db => db.ApiKeys.Where(k => k.UserId == id).Select(k => k.Id).SingleAsync());
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");
        var national = factory.CreateClient();
        await national.SignInAsync("national.admin@pif.example");
        var fife = factory.CreateClient();
        await fife.SignInAsync("admin.fife@pif.example");

        var shown = await Html.ParseAsync(await admin.GetAsync($"/users/{id}", TestContext.Current.CancellationToken));
        var nationalSees = await Html.ParseAsync(await national.GetAsync($"/users/{id}", TestContext.Current.CancellationToken));
        var fifeTries = await fife.PostAsync($"/users/{id}?handler=RevokeKey", new FormUrlEncodedContent([new("keyId", keyId.ToString()), new("__RequestVerificationToken", await fife.GetFormTokenAsync("/"))]), TestContext.Current.CancellationToken);
        var stillWorks = await factory.CreateClient().SendAsync(WithKey(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken);
        await admin.PostFormAsync($"/users/{id}?handler=RevokeKey", ("keyId", keyId.ToString()));

        Assert.Contains(key[..12], shown.QuerySelector("#api-keys").Text(), StringComparison.Ordinal);
        Assert.Contains(key[..12], nationalSees.QuerySelector("#api-keys").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, fifeTries.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(WithKey(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "api-key.revoked" && a.EntityId == keyId && a.ActorName == "admin.glasgow@pif.example")));
    }
}
