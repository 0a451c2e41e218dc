using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Accounts;

public sealed class DemoAccountTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    public static TheoryData<string, string[]> Accounts => new()
    {
        { "national.admin@pif.example", ["Care Inspectorate National administrator"] },
        { "inspector@pif.example", ["Care Inspectorate Link inspector"] },
        { "admin.glasgow@pif.example", ["Glasgow City Organisation administrator"] },
        { "lead.glasgow@pif.example", ["Glasgow City Evaluation lead"] },
        { "contributor1.glasgow@pif.example", ["Glasgow City Contributor"] },
        { "contributor2.glasgow@pif.example", ["Glasgow City Contributor"] },
        { "viewer.glasgow@pif.example", ["Glasgow City Viewer"] },
        { "admin.fife@pif.example", ["Fife Organisation administrator"] },
        { "lead.fife@pif.example", ["Fife Evaluation lead"] },
        { "contributor1.fife@pif.example", ["Fife Contributor"] },
        { "contributor2.fife@pif.example", ["Fife Contributor"] },
        { "viewer.fife@pif.example", ["Fife Viewer"] },
    };

    [Fact]
    public void Accounts_TheTableCoversEveryDemoAccount()
    {
        Assert.Equal(DemoAccounts.All.Select(a => a.Email).Order(), Accounts.Select(row => row.Data.Item1).Order());
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task SignIn_DemoAccount_SeesOnlyItsOwnRoles(string email, string[] roles)
    {
        var client = factory.CreateClient();

        await client.SignInAsync(email);
        var page = await Html.ParseAsync(await client.GetAsync("/", TestContext.Current.CancellationToken));

        Assert.Equal(roles, page.QuerySelectorAll(".ds_summary-list__item").Select(i => i.Text()));
    }

    [Fact]
    public async Task SignIn_Inspector_SeesTheCouncilsAssignedToThem()
    {
        var client = factory.CreateClient();

        await client.SignInAsync("inspector@pif.example");
        var page = await Html.ParseAsync(await client.GetAsync("/", TestContext.Current.CancellationToken));

        Assert.Contains(page.QuerySelectorAll("main p"), p => p.Text() == "You are the link inspector for Fife and Glasgow City.");
    }
}
