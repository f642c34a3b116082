namespace ChatEscalation.Core.Policy.Options;

/// <summary>A display name for an e-mail address used elsewhere in the policy.</summary>
public sealed class PersonOptions
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
}
