using FluentValidation;

namespace Pif.Web.Infrastructure;

/// <summary>Form rules for text that count characters as a person sees them, as the services do (see <see cref="Texts"/>).</summary>
public static class TextRules
{
    /// <summary>No more than <paramref name="max"/> characters; FluentValidation's own <c>MaximumLength</c> counts UTF-16 units.</summary>
    public static IRuleBuilderOptions<T, string?> MaximumCharacters<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(text => !Texts.Exceeds(text, max));
}
