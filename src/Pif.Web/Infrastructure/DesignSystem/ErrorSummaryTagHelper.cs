using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pif.Web.Infrastructure.DesignSystem;

/// <summary>
/// <c>&lt;ds-error-summary /&gt;</c>: the design system's error summary, listing every
/// model-state error as a link to its field. Renders nothing when the form is valid.
/// </summary>
[HtmlTargetElement("ds-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => PageValidation.Position(ViewContext.HttpContext, e.Key))
            .SelectMany(e => e.Value!.Errors.Select(error => (Field: e.Key, error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds_error-summary");
        output.Attributes.SetAttribute("id", "error-summary");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");

        var title = new TagBuilder("h2");
        title.AddCssClass("ds_error-summary__title");
        title.Attributes["id"] = "error-summary-title";
        title.InnerHtml.Append("There is a problem");

        var list = new TagBuilder("ul");
        list.AddCssClass("ds_error-summary__list");
        foreach (var (field, message) in errors)
        {
            var link = new TagBuilder("a");
            link.Attributes["href"] = "#" + FieldIds.For(field);
            link.InnerHtml.Append(message);
            var item = new TagBuilder("li");
            item.InnerHtml.AppendHtml(link);
            list.InnerHtml.AppendHtml(item);
        }

        output.Content.AppendHtml(title);
        output.Content.AppendHtml(list);
    }
}
