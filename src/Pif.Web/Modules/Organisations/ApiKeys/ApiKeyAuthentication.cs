using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;
using Pif.Web.Infrastructure;

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
        if (KeyOf(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeysService.HashOf(secret);
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

    /// <summary>
    /// The key in <c>Authorization: Bearer &lt;key&gt;</c>, however the scheme is capitalised or spaced,
    /// so one key is one key to the rate limit too; null when there is none.
    /// </summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString().Trim();
        var space = header.IndexOfAny([' ', '\t']);
        if (space < 0 || !header[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[space..].Trim();
        return key.Length == 0 ? null : key;
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
