using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pif.Web.Infrastructure.DesignSystem;

/// <summary>
/// <c>&lt;ds-field-error field="Input.Title" /&gt;</c>: the error message shown above a
/// field, with the id its input names in <c>aria-describedby</c>. Nothing when the field is valid.
/// </summary>
[HtmlTargetElement("ds-field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The model-state key, such as <c>Input.Title</c>.</summary>
    public string Field { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var message = ViewContext.ViewData.ModelState.TryGetValue(Field, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).FirstOrDefault()
            : null;
        if (message is null)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds_question__error-message");
        output.Attributes.SetAttribute("id", FieldIds.ErrorFor(Field));
        output.Content.Append(message);
    }
}

/// <summary>
/// <c>&lt;div class="ds_question" ds-question-for="Input.Title"&gt;</c> gains
/// <c>ds_question--error</c> when that field has an error, so its border shows the problem.
/// </summary>
[HtmlTargetElement("div", Attributes = "ds-question-for")]
public sealed class QuestionTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("ds-question-for")]
    public string Field { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.AddClass("ds_question", HtmlEncoder.Default);
        if (ViewContext.ViewData.ModelState.TryGetValue(Field, out var entry) && entry.Errors.Count > 0)
        {
            output.AddClass("ds_question--error", HtmlEncoder.Default);
        }
    }
}

public static class FieldIds
{
    /// <summary>The id ASP.NET gives the input for a model-state key (<c>Input.Title</c> → <c>Input_Title</c>).</summary>
    public static string For(string field) => TagBuilder.CreateSanitizedId(field, "_");

    public static string ErrorFor(string field) => For(field) + "-error";
}
