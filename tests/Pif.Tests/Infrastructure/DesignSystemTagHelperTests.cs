using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Pif.Web.Infrastructure.DesignSystem;

namespace Pif.Tests.Infrastructure;

public sealed class DesignSystemTagHelperTests
{
    [Fact]
    public void ErrorSummary_WithErrors_ListsEachAsALinkToItsField()
    {
        var view = ViewWithErrors(("Input.Title", "Enter a title"), ("Input.Period.From", "Enter the date the period starts"));

        var html = Render(new ErrorSummaryTagHelper { ViewContext = view }, "ds-error-summary");

        var summary = new HtmlParser().ParseDocument(html).QuerySelector("div.ds_error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("There is a problem", summary.QuerySelector("h2#error-summary-title")?.TextContent);
        var links = summary.QuerySelectorAll("ul.ds_error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("#Input_Title", "Enter a title"), ("#Input_Period_From", "Enter the date the period starts")], links);
    }

    [Fact]
    public void ErrorSummary_WithoutErrors_RendersNothing()
    {
        var html = Render(new ErrorSummaryTagHelper { ViewContext = ViewWithErrors() }, "ds-error-summary");

        Assert.Equal("", html);
    }

    [Fact]
    public void FieldError_OnAFieldWithAnError_ShowsTheMessageWithTheIdTheInputNames()
    {
        var view = ViewWithErrors(("Input.Title", "Enter a title"));

        var html = Render(new FieldErrorTagHelper { ViewContext = view, Field = "Input.Title" }, "ds-field-error");

        Assert.Equal("<p class=\"ds_question__error-message\" id=\"Input_Title-error\">Enter a title</p>", html);
        Assert.Equal("", Render(new FieldErrorTagHelper { ViewContext = view, Field = "Input.Summary" }, "ds-field-error"));
    }

    [Fact]
    public void Question_OnAFieldWithAnError_GainsTheErrorClass()
    {
        var view = ViewWithErrors(("Input.Title", "Enter a title"));

        var invalid = Render(new QuestionTagHelper { ViewContext = view, Field = "Input.Title" }, "div");
        var valid = Render(new QuestionTagHelper { ViewContext = view, Field = "Input.Summary" }, "div");

        Assert.Equal("<div class=\"ds_question ds_question--error\"></div>", invalid);
        Assert.Equal("<div class=\"ds_question\"></div>", valid);
    }

    private static ViewContext ViewWithErrors(params (string Field, string Message)[] errors)
    {
        var modelState = new ModelStateDictionary();
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field, message);
        }

        var actionContext = new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor(), modelState);
        return new ViewContext
        {
            ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), modelState),
            HttpContext = actionContext.HttpContext,
        };
    }

    private static string Render(TagHelper helper, string tagName)
    {
        var context = new TagHelperContext([], new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput(tagName, [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}

public sealed class InputErrorTagHelperTests
{
    [Fact]
    public void Input_OnAFieldWithAnError_GainsTheErrorStyleAndNamesTheMessage()
    {
        var modelState = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        modelState.AddModelError("Input.Email", "Enter your e-mail address");
        var view = new Microsoft.AspNetCore.Mvc.Rendering.ViewContext
        {
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), modelState),
        };
        var context = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext([], new Dictionary<object, object>(), "test");

        var invalid = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput("input", [new("class", "ds_input")], (_, _) => Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));
        new InputErrorTagHelper { ViewContext = view, Field = "Input.Email" }.Process(context, invalid);
        var valid = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput("input", [new("class", "ds_input")], (_, _) => Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));
        new InputErrorTagHelper { ViewContext = view, Field = "Input.Password" }.Process(context, valid);

        Assert.Equal("ds_input ds_input--error", invalid.Attributes["class"].Value.ToString());
        Assert.Equal("Input_Email-error", invalid.Attributes["aria-describedby"].Value.ToString());
        Assert.False(valid.Attributes.ContainsName("aria-describedby"));
    }
}
