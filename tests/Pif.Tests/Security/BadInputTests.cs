using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Tests.Frameworks;
using Pif.Web.Data;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Evidence.EvidenceSteps;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 9: bad input and races that answered 500 now answer a clear 400, 404 or 409, with nothing saved.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> BadText => new() { "invalid UTF-8", "lone surrogate" };

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task FrameworkImport_WithTextThatIsNotUnicode_Answers400WithWhere(string kind)
    {
        await using var factory = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(factory);
        var page = await FrameworkClients.SignedInAsync(factory);
        var file = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Fixtures.Read(Fixtures.School)).Replace("\"How good is our school?", "\"How good is our school?MARK", StringComparison.Ordinal));
        var marker = Encoding.ASCII.GetBytes("MARK");
        var at = file.AsSpan().IndexOf(marker);
        Assert.True(at > 0);
        byte[] bad = kind == "invalid UTF-8"
            ? [.. file[..at], 0xC3, 0x28, .. file[(at + marker.Length)..]]
            : [.. file[..at], .. Encoding.ASCII.GetBytes("\\ud800"), .. file[(at + marker.Length)..]];
        var before = await factory.QueryAsync(db => db.Frameworks.CountAsync());

        var response = await FrameworkClients.ImportAsync(api, bad);
        var preview = await FrameworkClients.PreviewAsync(page, bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single(await FrameworkClients.ProblemsAsync(response));
        Assert.Contains("line", problem.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Nothing has been imported", (await Html.ParseAsync(preview)).QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Frameworks.CountAsync()));
    }

    [Fact]
    public async Task Roles_ACouncilMembershipAsNationalAdministrator_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        await using var factory = new PifWebFactory();
        var admin = factory.CreateClient();
        await admin.SignInAsync("national.admin@pif.example");
        var id = await UserIdAsync(factory, "viewer.fife@pif.example");
        var fife = await OrganisationIdAsync(factory, "Fife");

        var response = await admin.PostFormAsync($"/users/{id}?handler=Roles", ("organisationId", fife.ToString()), ("roles", "NationalAdministrator"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose roles that Fife can grant", (await Html.ParseAsync(response)).QuerySelector(".ds_error-summary a").Text());
        Assert.Equal(
            [Pif.Web.Modules.Organisations.Accounts.OrganisationRole.Viewer],
            await factory.QueryAsync(db => db.Memberships.Where(m => m.UserId == id).Select(m => m.Role).ToListAsync()));
    }

    [Fact]
    public async Task Upload_RacingADeleteOfTheSameItem_Answers404_AndKeepsNothing()
    {
        var race = new DeleteWhenTransactionStarts();
        await using var factory = new PifWebFactory
        {
            ExtraServices = s =>
            {
                s.AddSingleton<IDbContextOptionsConfiguration<SqliteAppDbContext>>(new Interceptor<SqliteAppDbContext>(race));
                s.AddSingleton<IDbContextOptionsConfiguration<PostgresAppDbContext>>(new Interceptor<PostgresAppDbContext>(race));
            },
        };
        var owner = await AsAsync(factory, Contributor1);
        var added = await AddAsync(owner, "Deleted while uploading");
        var item = Guid.Parse(added.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        race.Arm(() => factory.QueryAsync(db => db.EvidenceItems.Where(e => e.Id == item).ExecuteDeleteAsync()));

        var response = await PostMultipartAsync(owner, $"/evidence/{item}?handler=Upload", new Dictionary<string, string>(), [("late.pdf", Pdf)], tokenFrom: $"/evidence/{item}");

        Assert.True(race.Fired);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.EvidenceFiles.CountAsync(f => f.EvidenceItemId == item)));
    }

    /// <summary>Runs an action (another request's delete) once, just before the next transaction begins.</summary>
    private sealed class DeleteWhenTransactionStarts : DbTransactionInterceptor
    {
        private Func<Task<int>>? _action;

        public bool Fired { get; private set; }

        public void Arm(Func<Task<int>> action) => _action = action;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _action, null) is { } action)
            {
                Assert.Equal(1, await action());
                Fired = true;
            }

            return result;
        }
    }

    private sealed class Interceptor<TContext>(IInterceptor interceptor) : IDbContextOptionsConfiguration<TContext>
        where TContext : DbContext
    {
        public void Configure(IServiceProvider serviceProvider, DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(interceptor);
    }
}
