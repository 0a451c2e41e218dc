using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pif.Web.Infrastructure;

/// <summary>
/// Puts validation errors into model state and remembers the order they were found in, which is
/// the order of the fields on the form, so the error summary lists them top to bottom
/// (model state itself does not keep that order).
/// </summary>
public static class PageValidation
{
    internal const string OrderKey = "Pif.ErrorOrder";

    public static void AddErrors(this PageModel page, ValidationResult result, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            page.AddError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }

    public static void AddError(this PageModel page, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.ModelState.AddModelError(field, message);
        if (page.HttpContext.Items[OrderKey] is not List<string> order)
        {
            order = [];
            page.HttpContext.Items[OrderKey] = order;
        }

        if (!order.Contains(field))
        {
            order.Add(field);
        }
    }

    /// <summary>Where a field comes in the order errors were found; fields never recorded come last.</summary>
    internal static int Position(HttpContext context, string field) =>
        context.Items[OrderKey] is List<string> order && order.IndexOf(field) is >= 0 and var index ? index : int.MaxValue;
}
