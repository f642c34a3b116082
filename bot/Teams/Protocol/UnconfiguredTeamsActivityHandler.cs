namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Default <see cref="ITeamsActivityHandler"/> until the ticket engine registers its own:
/// accepts every activity and answers an empty 200.
/// </summary>
public sealed class UnconfiguredTeamsActivityHandler : ITeamsActivityHandler
{
    /// <inheritdoc />
    public Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct) =>
        Task.FromResult<InvokeResponse?>(null);
}
