using Pif.Testing;

namespace Pif.Tests.Pages;

public sealed class OrganisationsPageTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Get_Organisations_ListsEveryCouncilWithCodesAndOtherNames()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("contributor1.glasgow@pif.example");

        var page = await Html.ParseAsync(await client.GetAsync("/organisations", TestContext.Current.CancellationToken));

        var rows = page.QuerySelectorAll("table.ds_table tbody tr")
            .Select(r => r.QuerySelectorAll("th, td").Select(c => c.Text()).ToArray())
            .ToList();
        Assert.Equal(32, rows.Count);
        Assert.Contains(rows, r => r.SequenceEqual(["Glasgow City", "S12000049", "S12000046", "Glasgow"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Na h-Eileanan Siar", "S12000013", "None", "Comhairle nan Eilean Siar, Eilean Siar, Western Isles"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Angus", "S12000041", "None", "None"]));
        Assert.Contains("Care Inspectorate (code CI)", page.QuerySelector("main ul").Text(), StringComparison.Ordinal);
    }
}
