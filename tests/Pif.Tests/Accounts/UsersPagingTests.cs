using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Accounts;

/// <summary>The users list a page at a time, on a host of its own: it adds sixty users.</summary>
public sealed class UsersPagingTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Get_Users_AsNationalAdministrator_ShowsFiftyAPageWithTheCountAndTheNextPage()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("national.admin@pif.example");
        var fife = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync());
        await factory.QueryAsync(async db =>
        {
            foreach (var n in Enumerable.Range(1, 60))
            {
                var email = $"worker{n:00}.fife@pif.example";
                var user = new PifUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"Fife worker {n:00}" };
                db.Users.Add(user);
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = fife, Role = OrganisationRole.Contributor });
            }

            return await db.SaveChangesAsync();
        });
        var total = await factory.QueryAsync(db => db.Users.CountAsync(u => db.Memberships.Any(m => m.UserId == u.Id)));

        var first = await Html.ParseAsync(await client.GetAsync("/users", TestContext.Current.CancellationToken));
        var last = await Html.ParseAsync(await client.GetAsync($"/users?page={(total + 49) / 50}", TestContext.Current.CancellationToken));
        var beyond = await Html.ParseAsync(await client.GetAsync("/users?page=999", TestContext.Current.CancellationToken));

        Assert.True(total > 50, $"the test data has {total} users, too few to page");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.StartsWith($"{total} users, 1 to 50 shown", first.QuerySelector("main p:not(:has(a))")!.Text().Trim(), StringComparison.Ordinal);
        var next = first.QuerySelector(".ds_pagination__link")!;
        Assert.Equal("Next page", next.Text());
        var second = await Html.ParseAsync(await client.GetAsync(next.GetAttribute("href"), TestContext.Current.CancellationToken));
        Assert.Equal("Page 2 of " + ((total + 49) / 50), second.QuerySelector(".ds_pagination p")!.Text());
        Assert.Equal(total - ((total - 1) / 50 * 50), last.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Previous page", last.QuerySelectorAll(".ds_pagination__link").Single().Text());
        Assert.Equal(last.QuerySelectorAll("tbody td:nth-child(2)").Select(c => c.Text()), beyond.QuerySelectorAll("tbody td:nth-child(2)").Select(c => c.Text()));
    }
}
