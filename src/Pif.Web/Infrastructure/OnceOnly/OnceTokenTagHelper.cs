using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pif.Web.Infrastructure.OnceOnly;

/// <summary>
/// <c>&lt;form method="post" pif-once&gt;</c>: the form carries a new one-time token, so sending it twice (a double
/// click, a resent page) makes one thing, and the second post is answered with the first one's result
/// (<see cref="OnceOnlyFilter"/>).
/// </summary>
[HtmlTargetElement("form", Attributes = "pif-once")]
public sealed class OnceTokenTagHelper : TagHelper
{
    public const string FieldName = "__Once";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll("pif-once");
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FieldName}\" value=\"{Guid.NewGuid()}\" />");
    }
}
