using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;

namespace Pif.Tests.Infrastructure;

/// <summary>A host without its scheduled jobs: a reminder saved by one would renew the stamp between two reads.</summary>
public sealed class NoJobsWebFactory : PifWebFactory
{
    public NoJobsWebFactory() => RunsScheduler = false;
}

/// <summary>Kept page data is served only while the data under it is unchanged, on every node.</summary>
public sealed class DataCacheTests(NoJobsWebFactory factory) : IClassFixture<NoJobsWebFactory>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private Task<Guid> StampAsync() =>
        factory.QueryAsync(db => db.Set<DataVersion>().Select(v => v.Stamp).SingleAsync(Ct));

    private Task<int> RenameAsync(string code, string name) =>
        factory.QueryAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Code == code, Ct);
            organisation.Name = name;
            return await db.SaveChangesAsync(Ct);
        });

    /// <summary>Runs <paramref name="use"/> in a request scope of its own, as a request with this method would.</summary>
    private async Task<T> InRequestAsync<T>(string method, Func<DataCache, AppDbContext, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { Request = { Method = method } };
        try
        {
            return await use(scope.ServiceProvider.GetRequiredService<DataCache>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private static Task<string> NameAsync(DataCache cache, AppDbContext db, string code, Action counted) =>
        cache.GetAsync((typeof(DataCacheTests), code), async ct =>
        {
            counted();
            return await db.Organisations.Where(o => o.Code == code).Select(o => o.Name).SingleAsync(ct);
        }, Ct);

    private async Task<string> CodeAsync() => await factory.QueryAsync(db => db.Organisations.Select(o => o.Code).FirstAsync(Ct));

    [Fact]
    public async Task ASaveThatChangesData_GivesANewStamp_AndASaveOfOnlyAPostedTokenDoesNot()
    {
        var code = await CodeAsync();
        var before = await StampAsync();

        await RenameAsync(code, "Renamed for the stamp");
        var afterChange = await StampAsync();
        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.Select(u => u.Id).FirstAsync(Ct);
            db.OnceTokens.Add(new Pif.Web.Infrastructure.OnceOnly.OnceToken { Token = Guid.NewGuid(), UserId = user, At = DateTime.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        var afterQuiet = await StampAsync();

        Assert.NotEqual(before, afterChange);
        Assert.Equal(afterChange, afterQuiet);
    }

    [Fact]
    public async Task AnAuditedBulkWrite_IsStampedByItsSave_AndStampAsyncStampsOnItsOwn()
    {
        var before = await StampAsync();
        await factory.QueryAsync(async db =>
        {
            await DataChanges.StampAsync(db, Ct);
            return 0;
        });

        Assert.NotEqual(before, await StampAsync());
    }

    [Fact]
    public async Task AGet_IsServedWhatIsKept_UntilAChangeIsSaved_ByThisRequestOrAnyOther()
    {
        var code = await CodeAsync();
        await RenameAsync(code, "First name");
        var loads = 0;

        var first = await InRequestAsync(HttpMethods.Get, (cache, db) => NameAsync(cache, db, code, () => loads++));
        // Another node's save: the database changes under the kept value without this node's knowing.
        await using (var other = factory.Services.CreateAsyncScope())
        {
            var db = other.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Organisations.Where(o => o.Code == code).ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, "Changed past the tracker"), Ct);
        }

        var unstamped = await InRequestAsync(HttpMethods.Get, (cache, db) => NameAsync(cache, db, code, () => loads++));
        await RenameAsync(code, "Second name");
        var second = await InRequestAsync(HttpMethods.Get, (cache, db) => NameAsync(cache, db, code, () => loads++));
        var ownSave = await InRequestAsync(HttpMethods.Get, async (cache, db) =>
        {
            var kept = await NameAsync(cache, db, code, () => loads++);
            var organisation = await db.Organisations.SingleAsync(o => o.Code == code, Ct);
            organisation.Name = "Third name";
            await db.SaveChangesAsync(Ct);
            return (kept, await NameAsync(cache, db, code, () => loads++));
        });

        Assert.Equal("First name", first);
        Assert.Equal("First name", unstamped); // a write past the tracker that does not stamp is not seen: why every bulk write must
        Assert.Equal("Second name", second);
        Assert.Equal(("Second name", "Third name"), ownSave);
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task APostOrARequestlessRead_AlwaysReadsAfresh()
    {
        var code = await CodeAsync();
        var loads = 0;

        await InRequestAsync(HttpMethods.Post, (cache, db) => NameAsync(cache, db, code, () => loads++));
        await InRequestAsync(HttpMethods.Post, (cache, db) => NameAsync(cache, db, code, () => loads++));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var cache = scope.ServiceProvider.GetRequiredService<DataCache>();
            await NameAsync(cache, scope.ServiceProvider.GetRequiredService<AppDbContext>(), code, () => loads++);
        }

        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task ANullValue_IsKeptToo()
    {
        var loads = 0;

        for (var i = 0; i < 2; i++)
        {
            await InRequestAsync(HttpMethods.Get, (cache, _) => cache.GetAsync<string?>((typeof(DataCacheTests), "none"), _ =>
            {
                loads++;
                return Task.FromResult<string?>(null);
            }, Ct));
        }

        Assert.Equal(1, loads);
    }
}

/// <summary>The pages that keep their data show a change at the next request.</summary>
public sealed class KeptPagesTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheLeadsOverview_ShowsAContributionSavedSinceTheirLastLook()
    {
        var id = await EvaluationSteps.StartAsync(factory, "Kept overview");
        var qi = (await EvaluationSteps.PrepareAsync(factory, id, "2.2"))["2.2"];
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        var contributor = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Contributor1);
        var link = $"/self-evaluations/{id}/qis/{qi}\"";

        var before = await lead.GetStringAsync($"/self-evaluations/{id}?Progress=InProgress", Ct);
        var again = await lead.GetStringAsync($"/self-evaluations/{id}?Progress=InProgress", Ct);
        (await EvaluationSteps.ContributeAsync(contributor, id, qi, 4, complete: false)).EnsureSuccessStatusCode();
        var after = await lead.GetStringAsync($"/self-evaluations/{id}?Progress=InProgress", Ct);
        var qiPage = await contributor.GetStringAsync($"/self-evaluations/{id}/qis/{qi}", Ct);

        Assert.DoesNotContain(link, before, StringComparison.Ordinal);
        Assert.DoesNotContain(link, again, StringComparison.Ordinal);
        Assert.Contains(link, after, StringComparison.Ordinal);
        Assert.Contains("We are doing well", qiPage, StringComparison.Ordinal);
    }
}
