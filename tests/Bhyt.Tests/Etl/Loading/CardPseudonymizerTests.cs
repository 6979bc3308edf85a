using System.Text;
using Bhyt.Etl.Loading;

namespace Bhyt.Tests.Etl.Loading;

public class CardPseudonymizerTests
{
    private readonly CardPseudonymizer _pseudonymizer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Theory]
    [InlineData("GD4797932176423")]
    [InlineData("gd4797932176423")]
    [InlineData("GD4797932176423;HN4010123456789")]
    [InlineData(" GD4797932176423 ; HN4010123456789")]
    [InlineData("thẻ-ĐB-01")]
    [InlineData("\u00A0GD4797932176423")]
    public void WritePseudonym_gives_the_same_pseudonym_as_the_string_form(string card)
    {
        var hex = new byte[CardPseudonymizer.Length];
        _pseudonymizer.WritePseudonym(Encoding.UTF8.GetBytes(card.Trim()), hex);

        Assert.Equal(_pseudonymizer.Pseudonym(card.Trim()), Encoding.ASCII.GetString(hex));
    }

    [Fact]
    public void Pseudonym_of_lower_case_card_equals_upper_case() =>
        Assert.Equal(_pseudonymizer.Pseudonym("GD4797932176423"), _pseudonymizer.Pseudonym("gd4797932176423"));
}
