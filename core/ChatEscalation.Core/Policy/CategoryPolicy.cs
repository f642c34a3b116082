namespace ChatEscalation.Core.Policy;

/// <summary>A compiled category.</summary>
/// <param name="Vendor">The vendor whose contract covers the category (see <see cref="Options.CategoryOptions.Vendor"/>); null for none.</param>
public sealed record CategoryPolicy(string Name, int DefaultTier, IReadOnlyList<string> Keywords, string? Vendor = null);
