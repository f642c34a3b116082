namespace ChatEscalation.Bot.Hosting;

/// <summary>Set once migrations are applied and the policy is loaded; <c>GET /healthz</c> answers 200 only then.</summary>
public sealed class Readiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
