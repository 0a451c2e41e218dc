using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;

namespace Pif.Web.Modules.Organisations.Accounts;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public string Password { get; set; } = "pif-demo-password";

    /// <summary>When set (32 characters or more), a read-write API key of the national administrator.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How much demo work to generate: <c>demo</c> (Glasgow City and Fife) or <c>national</c> (every council, for the benchmark).</summary>
    public string Size { get; set; } = "demo";

    /// <summary>Whether Development generates made-up indicator figures; false leaves the catalogue empty, for importing real files (as the import benchmark does).</summary>
    public bool Indicators { get; set; } = true;
}

/// <summary>
/// Demo users for trying Pif, seeded in Development only (and by tests): a national
/// administrator, a link inspector for Glasgow City and Fife, and five users in each of those
/// councils. All share the password from Demo:Password and need no second factor.
/// </summary>
public sealed class DemoAccounts(AppDbContext db, UserManager<PifUser> users, IOptions<DemoOptions> options, TimeProvider clock, ApiKeys.ApiKeysService keys)
{
    public const string Domain = "pif.example";

    public static readonly IReadOnlyList<string> Councils = ["glasgow", "fife"];

    private static readonly Dictionary<string, string> CouncilCodes = new(StringComparer.Ordinal)
    {
        ["glasgow"] = "S12000049",
        ["fife"] = "S12000047",
    };

    /// <summary>Every demo address with the role it demonstrates, in the order the README lists them.</summary>
    public static IReadOnlyList<(string Email, string Role)> All { get; } = Build();

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Code, cancellationToken);
        var inspectorate = organisations[OrganisationSeed.CareInspectorateCode];

        var nationalAdmin = await EnsureUserAsync($"national.admin@{Domain}", "Demo national administrator", inspectorate.Id, OrganisationRole.NationalAdministrator);
        var inspector = await EnsureUserAsync($"inspector@{Domain}", "Demo link inspector", inspectorate.Id, OrganisationRole.LinkInspector);
        foreach (var council in Councils)
        {
            var organisation = organisations[CouncilCodes[council]];
            var name = organisation.Name;
            await EnsureUserAsync($"admin.{council}@{Domain}", $"Demo organisation administrator, {name}", organisation.Id, OrganisationRole.OrganisationAdministrator);
            await EnsureUserAsync($"lead.{council}@{Domain}", $"Demo evaluation lead, {name}", organisation.Id, OrganisationRole.EvaluationLead);
            await EnsureUserAsync($"contributor1.{council}@{Domain}", $"Demo contributor 1, {name}", organisation.Id, OrganisationRole.Contributor);
            await EnsureUserAsync($"contributor2.{council}@{Domain}", $"Demo contributor 2, {name}", organisation.Id, OrganisationRole.Contributor);
            await EnsureUserAsync($"viewer.{council}@{Domain}", $"Demo viewer, {name}", organisation.Id, OrganisationRole.Viewer);

            if (!await db.LinkInspectorAssignments.AnyAsync(a => a.InspectorId == inspector.Id && a.CouncilId == organisation.Id, cancellationToken))
            {
                db.LinkInspectorAssignments.Add(new LinkInspectorAssignment
                {
                    InspectorId = inspector.Id,
                    CouncilId = organisation.Id,
                    From = clock.GetUtcNow().UtcDateTime.Date,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            if (options.Value.ApiKey.Length < 32)
            {
                throw new InvalidOperationException("Demo:ApiKey must be 32 characters or more.");
            }

            await keys.EnsureAsync(nationalAdmin.Id, inspectorate.Id, "Demo key (Demo:ApiKey)", options.Value.ApiKey, cancellationToken);
        }
    }

    private async Task<PifUser> EnsureUserAsync(string email, string displayName, Guid organisationId, OrganisationRole role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PifUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, options.Value.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the demo user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}. Check Demo:Password.");
            }
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == organisationId && m.Role == role))
        {
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisationId, Role = role });
        }

        return user;
    }

    private static List<(string, string)> Build()
    {
        var all = new List<(string, string)>
        {
            ($"national.admin@{Domain}", "national administrator"),
            ($"inspector@{Domain}", "link inspector for Glasgow City and Fife"),
        };
        foreach (var council in Councils)
        {
            all.Add(($"admin.{council}@{Domain}", "organisation administrator"));
            all.Add(($"lead.{council}@{Domain}", "evaluation lead"));
            all.Add(($"contributor1.{council}@{Domain}", "contributor"));
            all.Add(($"contributor2.{council}@{Domain}", "contributor"));
            all.Add(($"viewer.{council}@{Domain}", "viewer"));
        }

        return all;
    }
}

public static partial class DemoAccountsExtensions
{
    /// <summary>Seeds the demo users (Development only) and tells the console how to sign in.</summary>
    public static async Task SeedDemoAccountsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync(app.Lifetime.ApplicationStopping);
        foreach (var (email, role) in DemoAccounts.All)
        {
            LogDemoAccount(app.Logger, email, role);
        }

        LogDemoPassword(app.Logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account: {Email} ({Role})")]
    private static partial void LogDemoAccount(ILogger logger, string email, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every demo account signs in with the password in Demo:Password (default pif-demo-password).")]
    private static partial void LogDemoPassword(ILogger logger);
}
