namespace ChatEscalation.Core.Tickets;

/// <summary>A person as the engine knows them.</summary>
/// <remarks>
/// <see cref="Key"/> is the e-mail address (lower case) for anybody the adapters could resolve to one,
/// which is how the policy names technicians, leads and managers; otherwise a platform-qualified id
/// such as <c>slack:U0123</c>. Two refs are the same person when their keys are equal, ignoring case.
/// </remarks>
public sealed record UserRef(string Key, string Name)
{
    public bool Is(UserRef? other) => other is not null && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

    public bool Is(string? key) => key is not null && string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);

    /// <summary>The automatic actor used for time-based decisions.</summary>
    public static UserRef System { get; } = new("system", "ChatEscalation");

    public override string ToString() => Name;
}
