namespace ChatEscalation.Bot.Local;

/// <summary>What an emulator channel stands for.</summary>
public enum LocalChannelKind
{
    /// <summary>The public help channel where anybody may type <c>/ticket …</c>.</summary>
    Help,
    /// <summary>A tier's queue channel, where its ticket cards are posted.</summary>
    TierQueue,
    /// <summary>The IT managers' channel.</summary>
    Managers,
    /// <summary>The on-call channel.</summary>
    OnCall,
    /// <summary>A direct-message conversation between one person and the bot.</summary>
    Direct,
}
