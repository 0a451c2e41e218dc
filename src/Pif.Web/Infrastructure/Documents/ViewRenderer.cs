using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Pif.Web.Infrastructure.Documents;

/// <summary>
/// Renders a Razor view to a string, for documents that leave the app (the HTML a PDF is printed from, the HTML an API
/// client downloads), so they are written by the same Razor as the pages and HTML-encoded the same way.
/// </summary>
public sealed class ViewRenderer(IRazorViewEngine engine, ITempDataProvider tempData, IModelMetadataProvider metadata)
{
    /// <param name="viewPath">The view's path from the app's root, such as <c>/Pages/Reports/_Document.cshtml</c>.</param>
    public async Task<string> RenderAsync<TModel>(HttpContext http, string viewPath, TModel model)
    {
        ArgumentNullException.ThrowIfNull(http);
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"There is no view at {viewPath}.");
        }

        var action = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var view = new ViewContext(action, found.View, new ViewDataDictionary<TModel>(metadata, new ModelStateDictionary()) { Model = model },
            new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(view);
        return writer.ToString();
    }
}
