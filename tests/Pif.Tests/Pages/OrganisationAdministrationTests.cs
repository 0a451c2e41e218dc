using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Organisations;

namespace Pif.Tests.Pages;

public sealed class OrganisationAdministrationTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Post_Add_AddsTheOrganisationWithItsNamesAndAuditsIt()
    {
        var admin = await SignInAsync("national.admin@pif.example");

        var response = await admin.PostFormAsync("/organisations/add",
            ("Form.Name", "Loch Lomond Council"), ("Form.Code", "s99000001"), ("Form.Kind", "Council"), ("Form.OtherNames", "Loch Lomond\nLL Council"));

        var page = await Html.ParseAsync(response);
        Assert.Equal("Loch Lomond Council has been added", page.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Contains(page.QuerySelectorAll("tbody th"), c => c.Text() == "Loch Lomond Council");
        var normalised = OrganisationNames.Normalise("LL COUNCIL");
        Assert.Equal("S99000001", await factory.QueryAsync(db => db.OrganisationAliases.Where(a => a.NormalisedName == normalised)
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (_, o) => o.Code).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "organisation.added" && a.After!.Contains("Loch Lomond Council"))));
    }

    [Fact]
    public async Task Post_Add_WithClashingCodeOrName_SaysWhichAndSavesNothing()
    {
        var admin = await SignInAsync("national.admin@pif.example");
        var before = await factory.QueryAsync(db => db.Organisations.CountAsync());

        var code = await Html.ParseAsync(await admin.PostFormAsync("/organisations/add", ("Form.Name", "New Body"), ("Form.Code", "S12000049"), ("Form.Kind", "Council")));
        var name = await Html.ParseAsync(await admin.PostFormAsync("/organisations/add", ("Form.Name", "New Body"), ("Form.Code", "S99000002"), ("Form.Kind", "Council"), ("Form.OtherNames", "glasgow")));
        // A browser sends every field, empty ones as empty strings.
        var empty = await Html.ParseAsync(await admin.PostFormAsync("/organisations/add",
            ("Form.Name", ""), ("Form.Code", ""), ("Form.FormerCode", ""), ("Form.OtherNames", "")));

        Assert.Equal("Another organisation already has the code S12000049", code.QuerySelector("#Form_Code-error").Text());
        Assert.StartsWith("'Glasgow' is already a name of Glasgow City", name.QuerySelector("#Form_OtherNames-error").Text(), StringComparison.Ordinal);
        Assert.Equal(
            ["Enter the organisation's name", "Enter the organisation's code, such as its GSS code S12000049", "Choose whether the organisation is a council or an inspectorate"],
            empty.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(before, await factory.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task Post_Edit_SavesNamesAndAuditsBeforeAndAfter()
    {
        var admin = await SignInAsync("national.admin@pif.example");
        var moray = await IdAsync("Moray");

        var form = await Html.ParseAsync(await admin.GetAsync($"/organisations/{moray}", TestContext.Current.CancellationToken));
        var stamp = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        var saved = await Html.ParseAsync(await admin.PostFormAsync($"/organisations/{moray}",
            ("Stamp", stamp), ("Form.Name", "Moray"), ("Form.Code", "S12000020"), ("Form.OtherNames", "Moray Council")));

        Assert.Equal("Moray has been saved", saved.QuerySelector(".ds_notification-panel__title").Text());
        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "organisation.changed" && a.EntityId == moray));
        Assert.Contains("\"OtherNames\":[]", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"OtherNames\":[\"Moray Council\"]", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Edit_AfterSomeoneElseSaved_RefusesAndSaysWhy()
    {
        var admin = await SignInAsync("national.admin@pif.example");
        var angus = await IdAsync("Angus");
        var form = await Html.ParseAsync(await admin.GetAsync($"/organisations/{angus}", TestContext.Current.CancellationToken));
        var stamp = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        await admin.PostFormAsync($"/organisations/{angus}", ("Stamp", stamp), ("Form.Name", "Angus"), ("Form.Code", "S12000041"), ("Form.OtherNames", "Angus Council"));

        var stale = await Html.ParseAsync(await admin.PostFormAsync($"/organisations/{angus}", ("Stamp", stamp), ("Form.Name", "Angus Renamed"), ("Form.Code", "S12000041")));

        Assert.StartsWith("Someone else changed this organisation while you were editing it", stale.QuerySelector("#Form_Name-error").Text(), StringComparison.Ordinal);
        Assert.Equal("Angus", await factory.QueryAsync(db => db.Organisations.Where(o => o.Id == angus).Select(o => o.Name).SingleAsync()));
        Assert.Equal("Angus Council", stale.QuerySelector("#Form_OtherNames").Text());
    }

    [Theory]
    [InlineData("/organisations/add")]
    [InlineData("edit")]
    public async Task Get_AdministrationPages_AsACouncilAdministrator_Returns403(string path)
    {
        var client = await SignInAsync("admin.glasgow@pif.example");
        if (path == "edit")
        {
            path = $"/organisations/{await IdAsync("Glasgow City")}";
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Get_Edit_UnknownOrganisation_Returns404()
    {
        var admin = await SignInAsync("national.admin@pif.example");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/organisations/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    private Task<Guid> IdAsync(string name) => factory.QueryAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
}
