using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.Primitives;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Puts a kept form back: when a page is shown with <c>?kept=</c> to the user who posted it, the
/// kept fields are bound onto the page's form properties after its GET handler has read what is
/// saved, as a post would bind them, so the form shows what they typed. Nothing is saved: they
/// check it and send it again.
/// </summary>
public sealed class KeptFormFilter(KeptForms keptForms, ParameterBinder binder, IModelBinderFactory binders, IModelMetadataProvider metadata) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var executed = await next();
        if (!HttpMethods.IsGet(http.Request.Method) || executed.Exception is not null || executed.Result is not (PageResult or null)
            || !Guid.TryParse(http.Request.Query[KeptForms.QueryKey], out var id)
            || !Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || await keptForms.ReadAsync(id, userId, http.Request.PathBase + http.Request.Path, http.RequestAborted) is not { } kept)
        {
            return;
        }

        var values = new FormValueProvider(BindingSource.Form, new FormCollection(kept.Fields.ToDictionary(f => f.Key, f => new StringValues(f.Value))), CultureInfo.CurrentCulture);
        var handler = context.HandlerInstance;
        foreach (var property in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            var name = property.BindingInfo?.BinderModelName ?? property.Name;
            if (!kept.Fields.Keys.Any(k => k == name || k.StartsWith(name + ".", StringComparison.Ordinal) || k.StartsWith(name + "[", StringComparison.Ordinal)))
            {
                continue;
            }

            // [BindProperty] binds on posts only; here the post is being replayed onto a GET.
            var asPosted = new ParameterDescriptor
            {
                Name = property.Name,
                ParameterType = property.ParameterType,
                BindingInfo = new BindingInfo(property.BindingInfo ?? new BindingInfo()) { RequestPredicate = null },
            };
            var propertyMetadata = metadata.GetMetadataForProperty(handler.GetType(), property.Name);
            var modelBinder = binders.CreateBinder(new ModelBinderFactoryContext { BindingInfo = asPosted.BindingInfo, Metadata = propertyMetadata, CacheToken = property });
            var result = await binder.BindModelAsync(context, modelBinder, values, asPosted, propertyMetadata, property.Property.GetValue(handler), handler);
            if (result.IsModelSet)
            {
                property.Property.SetValue(handler, result.Model);
            }
        }

        // Binding may note values it could not read; the person has not sent anything yet, so no errors show.
        context.ModelState.Clear();
        http.Items[typeof(KeptFields)] = kept;
    }
}
