using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Infrastructure.OnceOnly;

/// <summary>
/// Takes a form post that carries a one-time token once. The first post records the token before its handler
/// runs and, when the handler redirects, where to. A repeated post is sent where the first one went; one that
/// arrives while the first is still being handled waits for it. A post refused with errors frees its token, so
/// the corrected form can be sent. Tokens belong to the person who posted them.
/// </summary>
public sealed partial class OnceOnlyFilter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OnceOnlyFilter> logger) : IAsyncPageFilter
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        // Only a form model binding has already read: an upload refused before its body is read stays unread.
        if (!HttpMethods.IsPost(request.Method) || context.HttpContext.Features.Get<IFormFeature>()?.Form is not { } form
            || !Guid.TryParse(form[OnceTokenTagHelper.FieldName], out var token)
            || !Guid.TryParse(context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier), out var user))
        {
            await next();
            return;
        }

        var cancellationToken = context.HttpContext.RequestAborted;
        while (!await TakeAsync(token, user, cancellationToken))
        {
            if (await FirstAnswerAsync(token, user, cancellationToken) is { } answer)
            {
                context.Result = answer;
                return;
            }
        }

        var executed = await next();
        var location = executed.Exception is null ? Location(executed) : null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (location is null)
        {
            await db.OnceTokens.Where(t => t.Token == token).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            await db.OnceTokens.Where(t => t.Token == token).ExecuteUpdateAsync(s => s.SetProperty(t => t.Location, location), CancellationToken.None);
        }
    }

    /// <summary>Records the token as taken; false when another post took it first.</summary>
    private async Task<bool> TakeAsync(Guid token, Guid user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        db.OnceTokens.Add(new OnceToken { Token = token, UserId = user, At = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false;
        }

        // Forget old tokens now and then, rather than on a schedule of its own.
        if (token.GetHashCode() % 50 == 0)
        {
            await db.OnceTokens.Where(t => t.At < now - OnceToken.Kept).ExecuteDeleteAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The answer to a repeated post: where the first went, once it is known; null when the first was refused, so this one is taken.</summary>
    private async Task<IActionResult?> FirstAnswerAsync(Guid token, Guid user, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + Wait;
        while (true)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var first = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OnceTokens.AsNoTracking()
                    .SingleOrDefaultAsync(t => t.Token == token, cancellationToken);
                if (first is not null && first.UserId != user)
                {
                    // Someone else's token: never tell them where it led.
                    return new BadRequestResult();
                }

                if (first?.Location is { } location)
                {
                    Log.Repeated(logger);
                    return new LocalRedirectResult(location);
                }

                if (first is null)
                {
                    // The first post was refused and freed the token.
                    return null;
                }
            }

            if (clock.GetUtcNow() > until)
            {
                return new StatusCodeResult(StatusCodes.Status409Conflict);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }
    }

    private static string? Location(PageHandlerExecutedContext executed) => executed.Result switch
    {
        RedirectToPageResult page => executed.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(executed)
            .Page(page.PageName ?? executed.ActionDescriptor.ViewEnginePath, page.PageHandler, page.RouteValues, null, null, page.Fragment),
        LocalRedirectResult local => local.Url,
        RedirectResult redirect when redirect.Url.StartsWith('/') && !redirect.Url.StartsWith("//", StringComparison.Ordinal) => redirect.Url,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "A form was sent again: answered with where the first post went")]
        public static partial void Repeated(ILogger logger);
    }
}
