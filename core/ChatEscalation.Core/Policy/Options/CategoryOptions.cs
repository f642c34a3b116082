namespace ChatEscalation.Core.Policy.Options;

/// <summary>A ticket category: the tier it opens at and the words that suggest it in a free-text report.</summary>
public sealed class CategoryOptions
{
    public int DefaultTier { get; set; } = 1;
    public List<string> Keywords { get; set; } = [];
}
