using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;
using ChatEscalation.Bot.Web;

namespace ChatEscalation.Bot.Local;

/// <summary>What the page sends in: typed messages (<c>POST /local/messages</c>) and button presses (<c>POST /local/actions</c>).</summary>
/// <remarks>
/// Answers are <c>{ ok, message, field? }</c>: <c>ok:false</c> with the engine's reason is a refusal, shown to the clicker only.
/// After a command that changed something, the outbox is dispatched at once so the page updates without waiting for the next pass.
/// </remarks>
public static class LocalInbound
{
    public static async Task<IResult> MessageAsync(LocalMessageRequest request, LocalChannelStore store, ChatConversation conversation, EscalationPolicy policy, IServiceProvider services, CancellationToken ct)
    {
        if (Person(request.User, policy) is not { } user) return Results.BadRequest(new { ok = false, message = "Pick who you are first." });
        if (string.IsNullOrWhiteSpace(request.Text)) return Results.BadRequest(new { ok = false, message = "Type something." });
        var channel = store.Channel(request.Channel ?? "") ?? store.DirectChannel(user.Key, user.Name);
        store.Post(channel.Id, new LocalMessageDraft("user", user.Key, user.Name, request.Text.Trim()));
        var reply = await conversation.HandleAsync(user, LocalSender.PlatformName, request.Text, ct);
        var renderings = services.GetRequiredService<LocalRenderings>();
        var draft = reply.Card is { } card
            ? new LocalMessageDraft("bot", "bot", "ChatEscalation", reply.Text, card.Number, [], false,
                LocalRenderings.View(card), renderings.CardBlocks(card) , renderings.CardAdaptive(card))
            : new LocalMessageDraft("bot", "bot", "ChatEscalation", reply.Text);
        store.Post(channel.Id, draft with { Text = $"@{user.Name}: {reply.Text}" });
        await DispatchAsync(services, ct);
        return Results.Json(new { ok = true, message = reply.Text, ticket = reply.Card?.Number }, WebJson.Options);
    }

    public static async Task<IResult> ActionAsync(LocalActionRequest request, TicketWorkflow workflow, EscalationPolicy policy, IServiceProvider services, CancellationToken ct)
    {
        if (Person(request.User, policy) is not { } user) return Results.BadRequest(new { ok = false, message = "Pick who you are first." });
        var command = LocalActionTranslator.Translate(request.Action ?? "", user, request.Fields ?? []);
        if (command is null) return Results.BadRequest(new { ok = false, message = $"Unknown action '{request.Action}'." });
        var result = await workflow.ExecuteAsync(request.Ticket, command, ct);
        if (result.Succeeded) await DispatchAsync(services, ct);
        return Results.Json(new { ok = result.Succeeded, message = result.Message, field = result.Refusal?.Field }, WebJson.Options);
    }

    /// <summary>A person the policy names, by e-mail key; null for anybody else.</summary>
    private static UserRef? Person(string? key, EscalationPolicy policy) =>
        key is not null && policy.PeopleNames.ContainsKey(key.Trim().ToLowerInvariant()) ? policy.Person(key.Trim()) : null;

    private static async Task DispatchAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<IEscalationRunner>() is { } runner) await runner.DispatchNowAsync(ct);
        else services.GetService<OutboxSignal>()?.Wake();
    }
}
