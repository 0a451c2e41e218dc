using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;

namespace Pif.Web.Modules.Organisations.ApiKeys;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>. A key works while it is neither revoked
/// nor expired and its creator still holds a role in the key's organisation.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string OrganisationClaim = "pif:organisation";
    public const string ReadOnlyClaim = "pif:read-only";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeysService.HashOf(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await db.ApiKeys
            .Where(k => k.Hash == hash && k.RevokedAt == null && k.ExpiresAt > now)
            .Where(k => db.Memberships.Any(m => m.UserId == k.UserId && m.OrganisationId == k.OrganisationId))
            .Select(k => new { k.Id, k.UserId, k.OrganisationId, k.ReadOnly, k.User.Email })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is wrong, expired or revoked, or its owner no longer has a role.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.UserId.ToString()),
            new Claim(ClaimTypes.Name, key.Email ?? ""),
            new Claim(OrganisationClaim, key.OrganisationId.ToString()),
            new Claim(ReadOnlyClaim, key.ReadOnly ? "true" : "false"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign-in required",
            "Send a valid API key as 'Authorization: Bearer <key>'. A GET may use the sign-in cookie instead.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "This request needs a read-write API key: the sign-in cookie and read-only keys can only read.");
}

public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" },
            options: null, contentType: "application/problem+json");
    }
}
