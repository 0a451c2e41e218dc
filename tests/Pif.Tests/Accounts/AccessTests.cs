using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Accounts;

/// <summary>
/// Every endpoint the app maps must appear in <see cref="Table"/>, with who may use it, so a new
/// page cannot skip the access rules. Static files are checked separately: all public.
/// </summary>
public sealed class AccessTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    public enum Access
    {
        Anonymous,
        SignedIn,
        Api,
    }

    // Route pattern → (an address that matches it, who may use it, and for pages that need a
    // permission: an account that holds it and one that does not). API rows are tried with the
    // method they answer; pages with GET. Records scoped to an organisation (users) are covered
    // with other councils' records in UsersTests: 404 before 403.
    private static readonly Dictionary<string, (string Path, Access Access, string? Permission, string? Holder, string? Lacker)> Table = new(StringComparer.Ordinal)
    {
        [""] = ("/", Access.SignedIn, null, null, null),
        ["organisations"] = ("/organisations", Access.SignedIn, null, null, null),
        ["organisations/add"] = ("/organisations/add", Access.SignedIn, "national administrator", "national.admin@pif.example", "admin.glasgow@pif.example"),
        ["organisations/{id:guid}"] = ($"/organisations/{Guid.Empty}", Access.SignedIn, "national administrator", null, "admin.glasgow@pif.example"),
        ["sign-out"] = ("/sign-out", Access.SignedIn, null, null, null),
        ["account"] = ("/account", Access.SignedIn, null, null, null),
        ["session"] = ("/session", Access.SignedIn, null, null, null),
        ["account/change-password"] = ("/account/change-password", Access.SignedIn, null, null, null),
        ["account/two-step-verification"] = ("/account/two-step-verification", Access.SignedIn, null, null, null),
        ["account/two-step-verification/recovery-codes"] = ("/account/two-step-verification/recovery-codes", Access.SignedIn, null, null, null),
        ["account/api-keys"] = ("/account/api-keys", Access.SignedIn, null, null, null),
        ["account/api-keys/created"] = ("/account/api-keys/created", Access.SignedIn, null, null, null),
        ["users"] = ("/users", Access.SignedIn, OrganisationsPermissions.ManageUsers, "admin.glasgow@pif.example", "lead.glasgow@pif.example"),
        ["users/add"] = ("/users/add", Access.SignedIn, OrganisationsPermissions.ManageUsers, "admin.fife@pif.example", "viewer.fife@pif.example"),
        ["users/{id:guid}"] = ($"/users/{Guid.Empty}", Access.SignedIn, OrganisationsPermissions.ManageUsers, null, null),
        ["users/{id:guid}/added"] = ($"/users/{Guid.Empty}/added", Access.SignedIn, null, null, null),
        ["service-health"] = ("/service-health", Access.SignedIn, "national administrator", "national.admin@pif.example", "admin.glasgow@pif.example"),
        ["audit"] = ("/audit", Access.SignedIn, OrganisationsPermissions.ViewAuditLog, "admin.glasgow@pif.example", "inspector@pif.example"),
        ["assignments"] = ("/assignments", Access.SignedIn, OrganisationsPermissions.ManageAssignments, "national.admin@pif.example", "admin.glasgow@pif.example"),
        ["frameworks"] = ("/frameworks", Access.SignedIn, null, null, null),
        ["guide"] = ("/guide", Access.SignedIn, null, null, null),
        ["case-studies"] = ("/case-studies", Access.SignedIn, null, null, null),
        ["case-studies/new"] = ("/case-studies/new", Access.SignedIn, "council administrator or evaluation lead", "lead.glasgow@pif.example", "contributor1.glasgow@pif.example"),
        ["case-studies/{id:guid}"] = ($"/case-studies/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["case-studies/{id:guid}/edit"] = ($"/case-studies/{Guid.Empty}/edit", Access.SignedIn, null, null, null),
        ["case-studies/{id:guid}/evidence"] = ($"/case-studies/{Guid.Empty}/evidence", Access.SignedIn, null, null, null),
        ["case-studies/{id:guid}/files/{fileId:guid}"] = ($"/case-studies/{Guid.Empty}/files/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["outcomes"] = ("/outcomes", Access.SignedIn, null, null, null),
        ["outcomes/national"] = ("/outcomes/national", Access.SignedIn, "national administrator", "national.admin@pif.example", "admin.glasgow@pif.example"),
        ["outcomes/sets/load"] = ("/outcomes/sets/load", Access.SignedIn, "national administrator", "national.admin@pif.example", "admin.glasgow@pif.example"),
        ["outcomes/agreements/new"] = ("/outcomes/agreements/new", Access.SignedIn, "council administrator or evaluation lead", "lead.glasgow@pif.example", "contributor1.glasgow@pif.example"),
        ["outcomes/agreements/{id:guid}"] = ($"/outcomes/agreements/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["outcomes/agreements/{id:guid}/edit"] = ($"/outcomes/agreements/{Guid.Empty}/edit", Access.SignedIn, null, null, null),
        ["outcomes/agreements/{id:guid}/outcomes/new"] = ($"/outcomes/agreements/{Guid.Empty}/outcomes/new", Access.SignedIn, null, null, null),
        ["outcomes/agreements/{id:guid}/outcomes/{outcomeId:guid}"] = ($"/outcomes/agreements/{Guid.Empty}/outcomes/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["outcomes/agreements/{id:guid}/outcomes/{outcomeId:guid}/edit"] = ($"/outcomes/agreements/{Guid.Empty}/outcomes/{Guid.Empty}/edit", Access.SignedIn, null, null, null),
        ["guide/{slug}"] = ("/guide/prepare-and-scope", Access.SignedIn, null, null, null),
        ["frameworks/{code}"] = ("/frameworks/PIF", Access.SignedIn, null, null, null),
        ["frameworks/{code}/versions/{number:int}"] = ("/frameworks/PIF/versions/1", Access.SignedIn, null, null, null),
        ["frameworks/{code}/versions/{number:int}/qis/{qi}"] = ("/frameworks/PIF/versions/1/qis/9.2", Access.SignedIn, null, null, null),
        ["frameworks/import"] = ("/frameworks/import", Access.SignedIn, "national administrator", "national.admin@pif.example", "lead.glasgow@pif.example"),
        ["frameworks/{code}/draft"] = ("/frameworks/PIF/draft", Access.SignedIn, "national administrator", null, "admin.glasgow@pif.example"),
        ["frameworks/{code}/draft/details"] = ("/frameworks/PIF/draft/details", Access.SignedIn, "national administrator", null, "inspector@pif.example"),
        ["frameworks/{code}/draft/groups/{id:guid?}"] = ("/frameworks/PIF/draft/groups", Access.SignedIn, "national administrator", null, "viewer.fife@pif.example"),
        ["frameworks/{code}/draft/qis/{id:guid?}"] = ("/frameworks/PIF/draft/qis", Access.SignedIn, "national administrator", null, "contributor1.glasgow@pif.example"),
        [PartRoute] = ($"/frameworks/PIF/draft/qis/{Guid.Empty}/themes", Access.SignedIn, "national administrator", null, "lead.fife@pif.example"),
        ["self-evaluations"] = ("/self-evaluations", Access.SignedIn, null, null, null),
        ["self-evaluations/start"] = ("/self-evaluations/start", Access.SignedIn, "evaluation lead", "lead.glasgow@pif.example", "contributor1.glasgow@pif.example"),
        ["self-evaluations/{id:guid}"] = ($"/self-evaluations/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/assignments"] = ($"/self-evaluations/{Guid.Empty}/assignments", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/scope"] = ($"/self-evaluations/{Guid.Empty}/scope", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/qis/{qiId:guid}"] = ($"/self-evaluations/{Guid.Empty}/qis/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/qis/{qiId:guid}/agree"] = ($"/self-evaluations/{Guid.Empty}/qis/{Guid.Empty}/agree", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/qis/{qiId:guid}/evidence"] = ($"/self-evaluations/{Guid.Empty}/qis/{Guid.Empty}/evidence", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/validation"] = ($"/self-evaluations/{Guid.Empty}/validation", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/{step:regex(^(submit|validate|publish)$)}"] = ($"/self-evaluations/{Guid.Empty}/submit", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/profile"] = ($"/self-evaluations/{Guid.Empty}/profile", Access.SignedIn, null, null, null),
        ["exports/{id:guid}"] = ($"/exports/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["notifications"] = ("/notifications", Access.SignedIn, null, null, null),
        ["notifications/settings"] = ("/notifications/settings", Access.SignedIn, null, null, null),
        ["notifications/sent-mail"] = ("/notifications/sent-mail", Access.SignedIn, "national administrator", "national.admin@pif.example", "lead.glasgow@pif.example"),
        ["reports/annual"] = ("/reports/annual", Access.SignedIn, null, null, null),
        ["reports/national"] = ("/reports/national", Access.SignedIn, "national administrator or link inspector", "inspector@pif.example", "lead.glasgow@pif.example"),
        ["self-evaluations/{id:guid}/pack"] = ($"/self-evaluations/{Guid.Empty}/pack", Access.SignedIn, null, null, null),
        ["self-evaluations/{id:guid}/report"] = ($"/self-evaluations/{Guid.Empty}/report", Access.SignedIn, null, null, null),
        ["/self-evaluations/{id:guid}/report.{format}"] = ($"/self-evaluations/{Guid.Empty}/report.docx", Access.SignedIn, null, null, null),
        ["improvement-plans"] = ("/improvement-plans", Access.SignedIn, null, null, null),
        ["improvement-plans/new"] = ($"/improvement-plans/new?selfEvaluation={Guid.Empty}", Access.SignedIn, null, null, null),
        ["improvement-plans/{id:guid}"] = ($"/improvement-plans/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["improvement-plans/{id:guid}/actions/{actionId:guid}"] = ($"/improvement-plans/{Guid.Empty}/actions/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["improvement-plans/{id:guid}/actions/{actionId:guid}/cycles/{cycleId:guid?}"] = ($"/improvement-plans/{Guid.Empty}/actions/{Guid.Empty}/cycles", Access.SignedIn, null, null, null),
        ["improvement-plans/{id:guid}/actions/{actionId:guid}/edit"] = ($"/improvement-plans/{Guid.Empty}/actions/{Guid.Empty}/edit", Access.SignedIn, null, null, null),
        ["improvement-plans/{id:guid}/revisions/{revision:int}"] = ($"/improvement-plans/{Guid.Empty}/revisions/1", Access.SignedIn, null, null, null),
        ["performance-indicators"] = ("/performance-indicators", Access.SignedIn, null, null, null),
        ["performance-indicators/{code}"] = ("/performance-indicators/SW01", Access.SignedIn, null, null, null),
        ["performance-indicators/profile"] = ("/performance-indicators/profile", Access.SignedIn, null, null, null),
        ["performance-indicators/care-register"] = ("/performance-indicators/care-register", Access.SignedIn, null, null, null),
        ["performance-indicators/{code}/councils"] = ("/performance-indicators/SW01/councils", Access.SignedIn, null, null, null),
        ["performance-indicators/{code}/councils/{council:guid}/{period}"] = ($"/performance-indicators/SW01/councils/{Guid.Empty}/2024-25", Access.SignedIn, null, null, null),
        ["performance-indicators/{code}/councils/{council:guid}/limits"] = ($"/performance-indicators/SW01/councils/{Guid.Empty}/limits", Access.SignedIn, null, null, null),
        ["performance-indicators/{code}/funnel"] = ("/performance-indicators/SW06/funnel", Access.SignedIn, null, null, null),
        ["performance-indicators/{code}/quality-indicators"] = ("/performance-indicators/SW06/quality-indicators", Access.SignedIn, null, null, null),
        ["performance-indicators/imports/new"] = ("/performance-indicators/imports/new", Access.SignedIn, null, null, null),
        ["performance-indicators/imports/{id:guid}"] = ($"/performance-indicators/imports/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["evidence"] = ("/evidence", Access.SignedIn, "council evidence", "contributor1.glasgow@pif.example", "viewer.glasgow@pif.example"),
        ["evidence/add"] = ("/evidence/add", Access.SignedIn, "council evidence", "lead.fife@pif.example", "inspector@pif.example"),
        ["evidence/{id:guid}"] = ($"/evidence/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["evidence/{id:guid}/edit"] = ($"/evidence/{Guid.Empty}/edit", Access.SignedIn, null, null, null),
        ["evidence/{id:guid}/files/{fileId:guid}"] = ($"/evidence/{Guid.Empty}/files/{Guid.Empty}", Access.SignedIn, null, null, null),
        ["sign-in"] = ("/sign-in", Access.Anonymous, null, null, null),
        ["notifications/unsubscribe"] = ("/notifications/unsubscribe", Access.Anonymous, null, null, null),
        ["sign-in/two-step"] = ("/sign-in/two-step", Access.Anonymous, null, null, null),
        ["accessibility"] = ("/accessibility", Access.Anonymous, null, null, null),
        ["privacy"] = ("/privacy", Access.Anonymous, null, null, null),
        ["api-reference"] = ("/api-reference", Access.Anonymous, null, null, null),
        ["error/{statusCode:int}"] = ("/error/404", Access.Anonymous, null, null, null),
        ["/health/live"] = ("/health/live", Access.Anonymous, null, null, null),
        ["/health/ready"] = ("/health/ready", Access.Anonymous, null, null, null),
        ["/openapi/{documentName}.json"] = ("/openapi/v1.json", Access.Anonymous, null, null, null),
        ["/api/v1/me"] = ("/api/v1/me", Access.Api, null, null, null),
        ["/api/v1/notifications"] = ("/api/v1/notifications", Access.Api, null, null, null),
        ["/api/v1/notifications/{id:guid}/read"] = ($"POST /api/v1/notifications/{Guid.Empty}/read", Access.Api, null, null, null),
        ["/api/v1/api-keys"] = ("/api/v1/api-keys", Access.Api, null, null, null),
        ["/api/v1/api-keys/{id:guid}"] = ($"DELETE /api/v1/api-keys/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/frameworks"] = ("/api/v1/frameworks", Access.Api, null, null, null),
        ["/api/v1/self-evaluations"] = ("/api/v1/self-evaluations", Access.Api, null, null, null),
        ["/api/v1/self-evaluations/{id:guid}"] = ($"/api/v1/self-evaluations/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/self-evaluations/{id:guid}/report"] = ($"/api/v1/self-evaluations/{Guid.Empty}/report", Access.Api, null, null, null),
        ["/api/v1/evidence"] = ("/api/v1/evidence", Access.Api, null, null, null),
        ["/api/v1/improvement-plans"] = ("/api/v1/improvement-plans", Access.Api, null, null, null),
        ["/api/v1/improvement-plans/{id:guid}"] = ($"/api/v1/improvement-plans/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/improvement-plans/{id:guid}/actions/{actionId:guid}/updates"] = ($"POST /api/v1/improvement-plans/{Guid.Empty}/actions/{Guid.Empty}/updates", Access.Api, null, null, null),
        ["/api/v1/indicators"] = ("/api/v1/indicators", Access.Api, null, null, null),
        ["/api/v1/indicators/{code}/values"] = ("/api/v1/indicators/SW01/values?organisation=S12000049", Access.Api, null, null, null),
        ["/api/v1/case-studies"] = ("/api/v1/case-studies", Access.Api, null, null, null),
        ["/api/v1/case-studies/{id:guid}"] = ($"/api/v1/case-studies/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/outcome-sets"] = ("/api/v1/outcome-sets", Access.Api, null, null, null),
        ["/api/v1/outcome-agreements"] = ("/api/v1/outcome-agreements", Access.Api, null, null, null),
        ["/api/v1/outcome-agreements/{id:guid}"] = ($"/api/v1/outcome-agreements/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/indicators/{code}/funnel"] = ("/api/v1/indicators/SW06/funnel", Access.Api, null, null, null),
        ["/api/v1/indicators/{code}/spc"] = ("/api/v1/indicators/SW01/spc?organisation=S12000049", Access.Api, null, null, null),
        ["/api/v1/indicator-imports"] = ("POST /api/v1/indicator-imports", Access.Api, null, null, null),
        ["/api/v1/indicator-imports/{id:guid}"] = ($"/api/v1/indicator-imports/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/indicator-imports/{id:guid}/commit"] = ($"POST /api/v1/indicator-imports/{Guid.Empty}/commit", Access.Api, null, null, null),
        ["/api/v1/evidence/{id:guid}"] = ($"/api/v1/evidence/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/evidence/{id:guid}/files"] = ($"POST /api/v1/evidence/{Guid.Empty}/files", Access.Api, null, null, null),
        ["/api/v1/evidence/{id:guid}/files/{fileId:guid}"] = ($"/api/v1/evidence/{Guid.Empty}/files/{Guid.Empty}", Access.Api, null, null, null),
        ["/api/v1/frameworks/{code}/versions/{version:int}"] = ("/api/v1/frameworks/PIF/versions/1", Access.Api, null, null, null),
    };

    private const string PartRoute = "frameworks/{code}/draft/qis/{qiId:guid}/{kind:regex(^(themes|illustrations|questions|evidence|mappings)$)}/{id:guid?}";

    public static TheoryData<string> Patterns => new(Table.Keys);

    [Fact]
    public void Endpoints_EveryOneIsInTheAccessTable()
    {
        var missing = AppEndpoints().Where(e => !IsStaticFile(e)).Select(e => e.RoutePattern.RawText ?? "").Where(p => !Table.ContainsKey(p)).Distinct().ToList();
        var stale = Table.Keys.Where(k => !AppEndpoints().Any(e => e.RoutePattern.RawText == k)).ToList();

        Assert.True(missing.Count == 0, "Add these endpoints to the access table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "These access-table rows match no endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public void Endpoints_StaticFilesArePublic()
    {
        // The catch-all for files added while running exists only in development builds, and a
        // file it serves follows the fallback policy (sign in first): safe either way.
        var files = AppEndpoints().Where(IsStaticFile).Where(e => e.RoutePattern.RawText != "{**path:file}").ToList();

        Assert.NotEmpty(files);
        Assert.All(files, e => Assert.NotNull(e.Metadata.GetMetadata<IAllowAnonymous>()));
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task Request_SignedOut_GoesToSignInOrGets401UnlessPublic(string pattern)
    {
        var (address, access, _, _, _) = Table[pattern];
        var (method, path) = address.Split(' ') is [var m, var p] ? (new HttpMethod(m), p) : (HttpMethod.Get, address);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.SendAsync(new HttpRequestMessage(method, path), TestContext.Current.CancellationToken);

        if (access == Access.Api)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else if (access == Access.Anonymous)
        {
            // A public page may redirect for its own reasons, but never to the sign-in challenge.
            Assert.DoesNotContain("ReturnUrl=", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/sign-in", response.Headers.Location?.AbsolutePath);
        }
    }

    public static TheoryData<string> PermissionPatterns => new(Table.Where(r => r.Value.Lacker is not null).Select(r => r.Key));

    [Theory]
    [MemberData(nameof(PermissionPatterns))]
    public async Task Get_WithoutThePermission_Returns403_AndWithIt200(string pattern)
    {
        var (path, _, _, holder, lacker) = Table[pattern];
        var refused = factory.CreateClient();
        await refused.SignInAsync(lacker!);

        var denied = await refused.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        if (holder is not null)
        {
            var allowed = factory.CreateClient();
            await allowed.SignInAsync(holder);
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    private IEnumerable<RouteEndpoint> AppEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    // MapStaticAssets maps each file, plus (where files may change while running) one catch-all.
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor") || endpoint.RoutePattern.RawText == "{**path:file}";
}
