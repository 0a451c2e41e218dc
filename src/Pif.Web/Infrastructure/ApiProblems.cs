using Microsoft.AspNetCore.Mvc;

namespace Pif.Web.Infrastructure;

/// <summary>Writes an API error as ProblemDetails (RFC 9457), for the places that answer before an endpoint runs.</summary>
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
