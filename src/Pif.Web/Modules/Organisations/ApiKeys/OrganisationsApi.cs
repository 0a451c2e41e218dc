using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Organisations.ApiKeys;

/// <summary>The Organisations module's part of /api/v1: who you are, and your own API keys.</summary>
public static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Account");
        group.MapGet("/me", GetMeAsync).WithName("GetMe")
            .WithSummary("Who the key or cookie acts for: their organisations, roles and the councils they inspect")
            .Produces<MeResponse>();
        group.MapGet("/api-keys", ListKeysAsync).WithName("ListApiKeys")
            .WithSummary("Your own API keys, newest first (never the secret)")
            .Produces<List<ApiKeyResponse>>();
        group.MapDelete("/api-keys/{id:guid}", RevokeKeyAsync).WithName("RevokeApiKey")
            .WithSummary("Revokes one of your own API keys at once")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetMeAsync(HttpContext http, CurrentUser current, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required");
        }

        return Results.Ok(new MeResponse(
            access.UserId,
            access.DisplayName,
            access.Email,
            http.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? "api-key" : "cookie",
            http.User.FindFirst(ApiKeyAuthenticationHandler.ReadOnlyClaim)?.Value != "false",
            access.Memberships.Select(m => new MeMembership(m.OrganisationId, m.OrganisationName, m.Role.ToString())).ToList(),
            access.AssignedCouncils.Select(c => new MeCouncil(c.CouncilId, c.Name)).ToList()));
    }

    private static async Task<IResult> ListKeysAsync(CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var id = current.Id;
        var keys = await db.ApiKeys.Where(k => k.UserId == id).OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyResponse(k.Id, k.Name, k.Prefix, k.Organisation.Name, k.ReadOnly, k.CreatedAt, k.ExpiresAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return Results.Ok(keys);
    }

    private static async Task<IResult> RevokeKeyAsync(Guid id, CurrentUser current, ApiKeysService keys, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        return access is not null && await keys.RevokeAsync(access, id, cancellationToken)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "You have no API key with that id.");
    }

    public sealed record MeResponse(
        Guid Id, string DisplayName, string Email, string AuthenticatedBy, bool ReadOnly, IReadOnlyList<MeMembership> Memberships, IReadOnlyList<MeCouncil> LinkInspectorFor);

    public sealed record MeMembership(Guid OrganisationId, string Organisation, string Role);

    public sealed record MeCouncil(Guid CouncilId, string Council);

    public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, string Organisation, bool ReadOnly, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt);
}
