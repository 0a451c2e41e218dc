using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Evidence.EvidenceSteps;

namespace Pif.Tests.Evidence;

/// <summary>The evidence library: adding items with files, what is refused, downloads, who may see and change what.</summary>
public sealed class EvidenceLibraryTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Add_WithAPdf_KeepsTheItemAndTheFile_AndTheDownloadIsTheSameBytesAsAnAttachment()
    {
        var contributor = await AsAsync(factory, Contributor1);
        var pdf = Pdf.Concat(Enumerable.Repeat((byte)'x', (int)(2.5 * 1024 * 1024))).ToArray();

        var added = await AddAsync(contributor, "Staff survey 2026", "StaffSurvey", ("../../Survey <final>.pdf", pdf));

        var page = await Html.ParseAsync(added);
        Assert.Equal("The evidence has been added to the library", page.QuerySelector(".ds_notification-panel__title").Text());
        var link = page.QuerySelector("a[download]")!;
        Assert.Equal("Survey _final_.pdf", link.Text());
        var download = await contributor.GetAsync(link.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var id = Guid.Parse(added.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        Assert.Equal(3, await factory.QueryAsync(db => db.FileChunks.CountAsync(c => db.EvidenceFiles.Any(f => f.Id == c.FileId && f.EvidenceItemId == id))));
    }

    [Theory]
    [InlineData("report.pdf", "exe", "report.pdf is not a real PDF: its contents are something else.")]
    [InlineData("plan.docx", "zip", "plan.docx is not a real Word document: its contents are something else.")]
    [InlineData("figures.xlsx", "zip", "figures.xlsx is not a real Excel workbook: its contents are something else.")]
    [InlineData("data.csv", "nul", "data.csv is not a real CSV file: its contents are something else.")]
    [InlineData("notes.txt", "latin1", "notes.txt is not a real text file: its contents are something else.")]
    [InlineData("empty.pdf", "empty", "empty.pdf is empty: choose the file again, or a file with something in it")]
    [InlineData("tool.exe", "exe", "tool.exe is not a type of file Pif keeps: upload a PDF, a PNG or JPEG image, a Word document (.docx), an Excel workbook (.xlsx), or a CSV or plain text file")]
    public async Task Add_WithABadFile_IsRefusedWithAClearMessage_AndNothingIsSaved(string name, string content, string message)
    {
        var contributor = await AsAsync(factory, Contributor1);
        var bytes = content switch
        {
            "exe" => Exe,
            "zip" => Zip("readme.txt"),
            "nul" => Encoding.UTF8.GetBytes("area,value\nGlasgow,\0\n"),
            "latin1" => [0x43, 0x61, 0x66, 0xE9],
            _ => [],
        };
        var before = await factory.QueryAsync(db => db.EvidenceItems.CountAsync());

        var page = await Html.ParseAsync(await AddAsync(contributor, $"Refused {name}", "Document", ("good.png", Png), (name, bytes)));

        Assert.StartsWith(message, page.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);
        Assert.Equal("Refused " + name, page.QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => db.EvidenceItems.CountAsync()));
        Assert.False(await factory.QueryAsync(db => db.EvidenceFiles.AnyAsync(f => f.FileName == "good.png" && db.EvidenceItems.Any(e => e.Id == f.EvidenceItemId && e.Title == "Refused " + name))));
    }

    [Fact]
    public async Task Add_OverTheLimits_IsRefusedWithTheLimitNamed_AndNothingIsSaved()
    {
        await using var small = new PifWebFactory().With("Evidence:MaxFileBytes", "2048").With("Evidence:MaxRequestBytes", "4096");
        var contributor = await AsAsync(small, Contributor1);
        byte[] Pdf(int size) => [.. EvidenceSteps.Pdf, .. new byte[size - EvidenceSteps.Pdf.Length]];

        var big = await Html.ParseAsync(await AddAsync(contributor, "One big file", "Document", ("big.pdf", Pdf(3000))));
        var many = await Html.ParseAsync(await AddAsync(contributor, "Many files", "Document", ("a.pdf", Pdf(2000)), ("b.pdf", Pdf(2000)), ("c.pdf", Pdf(2000))));

        Assert.Equal(["big.pdf is 3 KB: the largest file Pif takes is 2 KB"], big.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(["The files come to 6 KB: upload at most 4 KB at once, and the rest afterwards"], many.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.False(await small.QueryAsync(db => db.EvidenceItems.AnyAsync()));
        Assert.False(await small.QueryAsync(db => db.FileChunks.AnyAsync()));
    }

    [Fact]
    public async Task Add_EveryAllowedType_IsKept()
    {
        var contributor = await AsAsync(factory, Contributor1);

        var page = await Html.ParseAsync(await AddAsync(contributor, "Every type", "CaseStudy",
            ("a.pdf", Pdf), ("b.png", Png), ("c.JPG", Jpeg), ("d.docx", Zip("[Content_Types].xml", "word/document.xml")), ("e.xlsx", Zip("xl/workbook.xml")),
            ("f.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("council,rate\nGlasgow,0.92\n")]), ("g.txt", Encoding.UTF8.GetBytes("Notes from the focus group – café"))));

        Assert.Equal(["a.pdf", "b.png", "c.JPG", "d.docx", "e.xlsx", "f.csv", "g.txt"], page.QuerySelectorAll("a[download]").Select(a => a.Text()));
    }

    [Fact]
    public async Task Add_WithNothingEntered_SaysWhatToFixInFormOrder()
    {
        var contributor = await AsAsync(factory, Contributor1);

        var page = await Html.ParseAsync(await PostMultipartAsync(contributor, "/evidence/add",
            new Dictionary<string, string> { ["Form.Title"] = "", ["Form.EffectiveFrom"] = "2026-05-01", ["Form.EffectiveTo"] = "2026-04-01", ["Form.Link"] = "intranet/page", ["Form.OwnerId"] = "" }, []));

        Assert.Equal(["Enter a title of 200 characters or fewer, such as Staff survey 2026", "Choose the kind of evidence", "The period must end on or after the day it starts",
            "Choose who owns the evidence", "Enter the link as a full web address starting with https://"], page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    [Fact]
    public async Task AnotherCouncil_GetsNotFound_ForTheItemItsFilesAndTheApi()
    {
        var contributor = await AsAsync(factory, Contributor1);
        var added = await AddAsync(contributor, "Glasgow only", "Document", ("policy.pdf", Pdf));
        var item = added.RequestMessage!.RequestUri!.AbsolutePath;
        var file = (await Html.ParseAsync(added)).QuerySelector("a[download]")!.GetAttribute("href")!;
        var fife = await AsAsync(factory, "lead.fife@pif.example");

        foreach (var path in new[] { item, item + "/edit", file, "/api/v1" + item, "/api/v1" + file })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.DoesNotContain("Glasgow only", await fife.GetStringAsync("/evidence", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("Glasgow only", await fife.GetStringAsync("/api/v1/evidence", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var token = await fife.GetFormTokenAsync("/evidence/add");
        var delete = await fife.PostAsync(item + "?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Contributor_CannotChangeOrDeleteAnotherOwnersItem_TheOwnerAndTheAdministratorCan()
    {
        var one = await AsAsync(factory, Contributor1);
        var item = (await AddAsync(one, "Owned by contributor 1", "Interview")).RequestMessage!.RequestUri!.AbsolutePath;
        var two = await AsAsync(factory, Contributor2);
        var token = await two.GetFormTokenAsync("/evidence/add");

        var refused = await two.PostAsync(item + "?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        var edit = await two.GetAsync(item + "/edit", TestContext.Current.CancellationToken);
        var seen = await Html.ParseAsync(await two.GetAsync(item, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Null(seen.QuerySelector("form[action*='handler=Delete'], a[href*='confirmDelete']"));
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");
        await admin.PostFormAsync(item + "?handler=Delete");
        Assert.Equal(HttpStatusCode.NotFound, (await one.GetAsync(item, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Edit_FromAStalePage_IsRefused_AndNothingIsOverwritten()
    {
        var one = await AsAsync(factory, Contributor1);
        var item = (await AddAsync(one, "Edited twice", "FocusGroup")).RequestMessage!.RequestUri!.AbsolutePath;
        var form = await Html.ParseAsync(await one.GetAsync(item + "/edit", TestContext.Current.CancellationToken));
        var stamp = form.QuerySelector("input[name='Form.Stamp']")!.GetAttribute("value")!;
        (string, string)[] Fields(string title) => [("Form.Title", title), ("Form.Kind", "FocusGroup"), ("Form.EffectiveFrom", "2026-01-01"), ("Form.EffectiveTo", "2026-02-01"),
            ("Form.OwnerId", form.QuerySelector("#Form_OwnerId option[selected]")!.GetAttribute("value")!), ("Form.Stamp", stamp)];

        await one.PostFormAsync(item + "/edit", Fields("First change"));
        var second = await Html.ParseAsync(await one.PostFormAsync(item + "/edit", Fields("Second change")));

        Assert.StartsWith("Someone else changed this evidence after you opened it (it is now called “First change”)", second.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);
        Assert.Equal("First change", await factory.QueryAsync(db => db.EvidenceItems.Where(e => e.Title == "First change").Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task Library_SearchesAndFilters_AndTheHomePageListsTheOwnersItemsDueForReview()
    {
        await using var fresh = new PifWebFactory();
        var lead = await AsAsync(fresh, Lead);
        await AddAsync(lead, "Carers' survey results", "CarersSurvey");
        await AddAsync(lead, "Reviews on time", "PerformanceData");
        var old = await PostMultipartAsync(lead, "/evidence/add", new Dictionary<string, string>
        {
            ["Form.Title"] = "Old inspection report",
            ["Form.Kind"] = "ExternalReport",
            ["Form.EffectiveFrom"] = "2019-01-01",
            ["Form.EffectiveTo"] = "2019-12-31",
            ["Form.ReviewDate"] = "2020-06-30",
        }, []);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);

        async Task<string[]> TitlesAsync(string query) =>
            (await Html.ParseAsync(await lead.GetAsync("/evidence?" + query, TestContext.Current.CancellationToken))).QuerySelectorAll("tbody th a").Select(a => a.Text()).ToArray();

        Assert.Equal(["Carers' survey results"], await TitlesAsync("Q=CARERS"));
        Assert.Equal(["Reviews on time"], await TitlesAsync("Family=QuantitativeData"));
        Assert.Equal(["Old inspection report"], await TitlesAsync("Kind=ExternalReport"));
        Assert.Equal(["Old inspection report"], await TitlesAsync("Currency=due"));
        Assert.Equal(["Old inspection report"], await TitlesAsync("Currency=stale"));
        Assert.Equal(3, (await TitlesAsync("")).Length);
        var home = await Html.ParseAsync(await lead.GetAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("Old inspection report: review was due on 30 June 2020", home.QuerySelector("main ul").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_OfMoreThanFiftyItems_ShowsThemAPageAtATime()
    {
        await using var fresh = new PifWebFactory();
        var lead = await AsAsync(fresh, Lead);
        await fresh.QueryAsync(async db =>
        {
            var owner = await db.Users.SingleAsync(u => u.Email == Lead);
            var glasgow = await db.Organisations.SingleAsync(o => o.Name == "Glasgow City");
            db.EvidenceItems.AddRange(Enumerable.Range(1, 52).Select(n => new Pif.Web.Modules.Evidence.EvidenceItem
            {
                OrganisationId = glasgow.Id,
                Title = $"Case file audit {n:00}",
                Kind = Pif.Web.Modules.Evidence.EvidenceKind.StaffSurvey,
                EffectiveFrom = new(2025, 1, 1),
                EffectiveTo = new(2025, n % 12 + 1, 1),
                OwnerId = owner.Id,
                AddedById = owner.Id,
            }));
            return await db.SaveChangesAsync();
        });

        var first = await Html.ParseAsync(await lead.GetAsync("/evidence", TestContext.Current.CancellationToken));
        var second = await Html.ParseAsync(await lead.GetAsync(first.QuerySelector(".ds_pagination__link")!.GetAttribute("href"), TestContext.Current.CancellationToken));

        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Page 2 of 2", second.QuerySelector(".ds_pagination p")!.Text());
        var titles = first.QuerySelectorAll("tbody th a").Concat(second.QuerySelectorAll("tbody th a")).Select(a => a.Text()).ToList();
        var glasgows = await fresh.QueryAsync(db => db.EvidenceItems.CountAsync(e => db.Organisations.Any(o => o.Id == e.OrganisationId && o.Name == "Glasgow City")));
        Assert.Equal(glasgows, titles.Count);
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task Api_AddsAnItem_UploadsFiles_RefusesBadOnes_AndDownloads()
    {
        var contributor = await AsAsync(factory, Contributor2);
        var created0 = await contributor.PostFormAsync("/account/api-keys?handler=Create", ("Input.Name", "Evidence test"), ("Input.Access", "read-write"), ("Input.Days", "30"));
        var key = (await Html.ParseAsync(created0)).QuerySelector("#new-api-key").Text();
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var bad = await api.PostAsync("/api/v1/evidence", JsonContent(new { title = "", kind = "Poster", effectiveFrom = "2026-01-01", effectiveTo = "2026-02-01" }), TestContext.Current.CancellationToken);
        var created = await api.PostAsync("/api/v1/evidence", JsonContent(new { title = "Complaints log", kind = "ComplaintsAndCompliments", effectiveFrom = "2026-01-01", effectiveTo = "2026-03-31" }), TestContext.Current.CancellationToken);
        using var item = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var location = created.Headers.Location!.ToString();
        using var refusedFiles = new MultipartFormDataContent { { new ByteArrayContent(Exe), "files", "log.pdf" } };
        var refused = await api.PostAsync(location + "/files", refusedFiles, TestContext.Current.CancellationToken);
        using var files = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("month,complaints\nJanuary,12\n")), "files", "log.csv" } };
        var uploaded = await api.PostAsync(location + "/files", files, TestContext.Current.CancellationToken);
        using var after = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var download = await api.GetAsync(after.RootElement.GetProperty("files")[0].GetProperty("download").GetString(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Choose the kind of evidence", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("PeoplesViews", item.RootElement.GetProperty("family").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("log.pdf is not a real PDF", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var owner = factory.CreateClient();
        var otherKey = (await Html.ParseAsync(await (await AsAsync(factory, Contributor1)).PostFormAsync("/account/api-keys?handler=Create",
            ("Input.Name", "Other contributor"), ("Input.Access", "read-write"), ("Input.Days", "30")))).QuerySelector("#new-api-key").Text();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", otherKey);
        using var notTheirs = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "files", "extra.pdf" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync(location + "/files", notTheirs, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("month,complaints\nJanuary,12\n", await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
