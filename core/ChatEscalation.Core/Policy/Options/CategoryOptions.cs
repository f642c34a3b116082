namespace ChatEscalation.Core.Policy.Options;

/// <summary>A ticket category: the tier it opens at and the words that suggest it in a free-text report.</summary>
public sealed class CategoryOptions
{
    public int DefaultTier { get; set; } = 1;
    public List<string> Keywords { get; set; } = [];
    /// <summary>
    /// The vendor (a name under <c>Policy:Vendors</c>) whose contract covers this category, or empty for none. Only then does the
    /// functional trigger move a ticket of this category from the top internal tier to the vendor tier; otherwise the vendor
    /// tier is reached by a top-tier technician's or a manager's decision.
    /// </summary>
    public string? Vendor { get; set; }
}
