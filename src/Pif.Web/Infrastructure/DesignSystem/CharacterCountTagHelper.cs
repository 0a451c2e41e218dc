using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pif.Web.Infrastructure.DesignSystem;

/// <summary>
/// <c>&lt;textarea id="Form_Text" ds-limit="4000"&gt;</c>: the design system's character count around
/// a text area or a text input. Without JavaScript the limit is stated beneath it; with it, <c>site.js</c> counts as
/// the person types, in characters as they see them (see <see cref="Texts"/>), as the server does.
/// </summary>
[HtmlTargetElement("textarea", Attributes = "ds-limit")]
[HtmlTargetElement("input", Attributes = "ds-limit")]
public sealed class CharacterCountTagHelper : TagHelper
{
    [HtmlAttributeName("ds-limit")]
    public int Limit { get; set; }

    // After the error helper, which adds its own id to aria-describedby.
    public override int Order => 10;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value?.ToString() : null;
        if (string.IsNullOrEmpty(id))
        {
            throw new InvalidOperationException("A field with ds-limit needs an id, for its limit to describe it.");
        }

        var limitId = HtmlEncoder.Default.Encode(id + "-limit");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " : "";
        output.Attributes.SetAttribute("aria-describedby", describedBy + id + "-limit");
        var limit = Limit.ToString(CultureInfo.InvariantCulture);
        output.PreElement.AppendHtml($"<div class=\"ds_character-count\" data-module=\"pif-character-count\" data-maxlength=\"{limit}\">");
        output.PostElement.AppendHtml($"<p class=\"ds_hint-text pif-character-count__limit\" id=\"{limitId}\">You can enter up to {Limit.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters</p></div>");
    }
}
