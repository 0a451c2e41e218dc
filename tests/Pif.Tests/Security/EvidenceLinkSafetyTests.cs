using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Evidence.EvidenceSteps;

namespace Pif.Tests.Security;

/// <summary>Finding 10: links to outside evidence cannot hide where they go.</summary>
public sealed class EvidenceLinkSafetyTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Link_WithAFormatCharacter_IsKeptWithoutIt_AndTheHostIsShownPlainly()
    {
        var contributor = await AsAsync(factory, Contributor1);

        var added = await PostMultipartAsync(contributor, "/evidence/add", Fields("Reversed link", "https://evil.example/\u202Egnp.exe"), []);

        var page = await Html.ParseAsync(added);
        var stored = await factory.QueryAsync(db => db.EvidenceItems.Where(e => e.Title == "Reversed link").Select(e => e.Link).SingleAsync());
        Assert.Equal("https://evil.example/gnp.exe", stored);
        var link = page.QuerySelector("a[href^='https://evil.example']");
        Assert.NotNull(link);
        Assert.Contains("(evil.example)", link!.ParentElement.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1@evil.example/")]
    [InlineData("https://user:secret@evil.example/report")]
    public async Task Link_WithAUserNameOrPassword_IsRefused(string address)
    {
        var contributor = await AsAsync(factory, Contributor1);
        var title = $"User info {Guid.NewGuid():N}";

        var page = await Html.ParseAsync(await PostMultipartAsync(contributor, "/evidence/add", Fields(title, address), []));

        Assert.Equal("Enter the link without a user name or password before the web address", page.QuerySelector(".ds_error-summary a").Text());
        Assert.False(await factory.QueryAsync(db => db.EvidenceItems.AnyAsync(e => e.Title == title)));
    }

    private static Dictionary<string, string> Fields(string title, string link) => new()
    {
        ["Form.Title"] = title,
        ["Form.Kind"] = "ExternalReport",
        ["Form.EffectiveFrom"] = "2026-01-01",
        ["Form.EffectiveTo"] = "2026-03-31",
        ["Form.Link"] = link,
    };
}
