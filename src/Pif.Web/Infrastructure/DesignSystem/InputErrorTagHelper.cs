using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pif.Web.Infrastructure.DesignSystem;

/// <summary>
/// <c>&lt;input ds-error-for="Input.Title" /&gt;</c>: when that field has an error, the input
/// gains the error style and names the error message in <c>aria-describedby</c>, so a screen
/// reader reads the message with the field.
/// </summary>
[HtmlTargetElement("input", Attributes = "ds-error-for")]
[HtmlTargetElement("textarea", Attributes = "ds-error-for")]
[HtmlTargetElement("select", Attributes = "ds-error-for")]
[HtmlTargetElement("fieldset", Attributes = "ds-error-for")]
public sealed class InputErrorTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("ds-error-for")]
    public string Field { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!ViewContext.ViewData.ModelState.TryGetValue(Field, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        if (output.TagName != "fieldset")
        {
            output.AddClass(ErrorClass(output), HtmlEncoder.Default);
        }

        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " : "";
        output.Attributes.SetAttribute("aria-describedby", describedBy + FieldIds.ErrorFor(Field));
    }

    private static string ErrorClass(TagHelperOutput output) =>
        output.TagName == "select" ? "ds_select--error"
        : output.Attributes["class"]?.Value?.ToString()?.Contains("ds_file-upload__input", StringComparison.Ordinal) == true ? "ds_file-upload__input--error"
        : "ds_input--error";
}
