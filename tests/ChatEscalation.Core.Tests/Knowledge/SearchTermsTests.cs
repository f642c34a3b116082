using ChatEscalation.Core.Knowledge;

namespace ChatEscalation.Core.Tests.Knowledge;

public class SearchTermsTests
{
    [Fact]
    public void QueryWords_AReport_MeaningfulWordsOnceInOrder() =>
        SearchTerms.QueryWords("Hi, my VPN drops every 10 minutes! The VPN won't reconnect, please help").ShouldBe(["vpn", "drops", "10", "minutes", "reconnect"]);

    [Fact]
    public void QueryWords_OnlyPunctuationAndFiller_Empty() =>
        SearchTerms.QueryWords("?!… please help, it is not working").ShouldBeEmpty();

    [Theory]
    [InlineData("drops", "drop")]
    [InlineData("dropping", "drop")]
    [InlineData("dropped", "drop")]
    [InlineData("minutes", "minute")]
    [InlineData("policies", "policy")]
    [InlineData("boxes", "box")]
    [InlineData("access", "access")]
    [InlineData("status", "status")]
    [InlineData("vpn", "vpn")]
    public void Stem_CommonEndings_Removed(string word, string stem) => SearchTerms.Stem(word).ShouldBe(stem);

    [Theory]
    [InlineData("VPN drops every 10 minutes", "The VPN keeps dropping every few minutes", true)]
    [InlineData("VPN drops every 10 minutes", "VPN client will not install", false)]
    [InlineData("VPN keeps dropping", "VPN drops every 10 minutes", true)]
    [InlineData("Printer jams", "Printer on floor 3 jams", true)]
    [InlineData("Printer jams", "Printer out of toner", false)]
    [InlineData("Outlook", "Outlook crashes on start", true)]
    [InlineData("please help", "anything at all", false)]
    public void Matches_TwoReports_SameThingWhenTheyShareHalfTheWordsAndAtLeastTwo(string report, string candidate, bool same) =>
        Relevance.Matches(SearchTerms.Stems(report), candidate).ShouldBe(same);
}
