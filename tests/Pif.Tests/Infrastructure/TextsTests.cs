using Pif.Web.Infrastructure;

namespace Pif.Tests.Infrastructure;

public sealed class TextsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("a\r\nb", 3)]
    [InlineData("a\nb", 3)]
    [InlineData("👍🏽", 1)]
    [InlineData("👨‍👩‍👧", 1)]
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 1)]
    [InlineData("e\u0301", 1)]
    public void Count_CountsCharactersAsAPersonSeesThem(string text, int expected) =>
        Assert.Equal(expected, Texts.Count(text));

    [Fact]
    public void Exceeds_ComparesTheCountNotTheUtf16Length()
    {
        var emoji = string.Concat(Enumerable.Repeat("👍🏽", 10));

        Assert.False(Texts.Exceeds(emoji, 10));
        Assert.True(Texts.Exceeds(emoji + "!", 10));
        Assert.False(Texts.Exceeds(null, 0));
    }

    [Fact]
    public void Clean_TrimsAndKeepsLineBreaksAsNewLines() =>
        Assert.Equal("First\n\nSecond", Texts.Clean("  First\r\n\r\nSecond \r\n"));
}
