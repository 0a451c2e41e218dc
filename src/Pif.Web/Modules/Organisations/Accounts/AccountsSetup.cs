using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.ApiKeys;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations.Accounts;

public static class AccountsSetup
{
    public const string SignInPath = "/sign-in";

    /// <summary>The default scheme: a policy that picks the cookie or the API scheme by address.</summary>
    public const string DefaultScheme = "Pif";

    private static readonly string[] PasswordCheckPaths = [SignInPath, PasswordChangeGate.ChangePasswordPath, "/account/two-step-verification"];

    public static WebApplicationBuilder AddPifAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<UsersService>();
        services.AddScoped<AssignmentsService>();
        services.AddScoped<OrganisationsService>();
        services.AddScoped<UserSessions>();
        services.AddScoped<HeldSecrets>();
        services.AddScoped<KeptForms>();
        services.Configure<MvcOptions>(o => o.Filters.Add<KeptFormFilter>());
        services.Configure<SessionTimeouts>(builder.Configuration.GetSection(SessionTimeouts.SectionName));
        services.AddScoped<PasswordChecks>();
        services.AddScoped<DemoAccounts>();
        services.AddPifApiKeys();
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));

        // Pages authenticate with the sign-in cookie, the API with its own scheme (a key, or the
        // cookie for reading), so anything under /api (even an address that matches nothing) is
        // challenged with a 401, never redirected to the sign-in page.
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "The sign-in cookie for pages, the API scheme under /api", o =>
                o.ForwardDefaultSelector = context => ApiSetup.IsApi(context) ? ApiKeysSetup.ApiScheme : IdentityConstants.ApplicationScheme);
        services.AddAuthentication().AddIdentityCookies();
        services.AddIdentityCore<PifUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "pif-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // The server-side session decides when a sign-in ends (idle, or at most twelve hours); the
            // cookie lasts as long as the longest session can.
            o.ExpireTimeSpan = UserSession.MaximumLifetime;
            o.SlidingExpiration = false;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/sign-out";
            // The session record decides first; Identity's security-stamp check runs after it.
            SessionCookie.Configure(o.Events);
            // A signed-in user without permission gets the friendly 403 page, with a 403 status.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Check the security stamp every minute rather than every 30, so a reset password or a
        // removed second factor ends the other sessions promptly.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionCookie.KeepSessionClaim;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var perMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        var apiPerMinute = builder.Configuration.GetValue("Security:ApiRequestsPerMinute", 600);
        var apiPerAddress = builder.Configuration.GetValue("Security:ApiRequestsPerMinutePerAddress", 6000);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (ApiSetup.IsApi(context.HttpContext))
                {
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", "Wait a minute, then try again.");
                }
            };
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    // Everywhere a password is checked counts together: both steps of signing in, and
                    // the current password asked again. Whatever the trailing slash.
                    if (HttpMethods.IsPost(context.Request.Method) && PasswordCheckPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                    {
                        return FixedWindow("sign-in:" + (context.Connection.RemoteIpAddress ?? IPAddress.None), perMinute);
                    }

                    // The API is limited per key (by its hash), or per client address when no key is sent.
                    if (ApiSetup.IsApi(context))
                    {
                        return FixedWindow(
                            ApiKeyAuthenticationHandler.KeyOf(context.Request) is { } key ? "api-key:" + ApiKeysService.HashOf(key) : "api:" + (context.Connection.RemoteIpAddress ?? IPAddress.None),
                            apiPerMinute);
                    }

                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }),
                // And per client address whatever key is sent, so trying many keys is limited too.
                PartitionedRateLimiter.Create<HttpContext, string>(context => ApiSetup.IsApi(context)
                    ? FixedWindow("api-address:" + (context.Connection.RemoteIpAddress ?? IPAddress.None), apiPerAddress)
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
        });

        return builder;
    }

    private static RateLimitPartition<string> FixedWindow(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    public static WebApplication UsePifAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePifLogScope();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var idle = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionTimeouts>>().Value.Idle;
        app.Services.GetRequiredService<PifMetrics>().ObserveActiveUsers(() =>
        {
            using var scope = scopes.CreateScope();
            var now = clock.GetUtcNow().UtcDateTime;
            return UserSessions.Open(scope.ServiceProvider.GetRequiredService<AppDbContext>().UserSessions, now, idle).Select(s => s.UserId).Distinct().LongCount();
        });
        return app;
    }

}
