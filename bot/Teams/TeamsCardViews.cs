using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams;

/// <summary>The ticket cards the bot answers with directly (not through the outbox): one viewer's own card, and a card in a chat reply.</summary>
public sealed class TeamsCardViews(IPolicyProvider policies, TimeProvider time, IOptions<TeamsOptions> options)
{
    /// <summary>The card as <paramref name="viewer"/> may use it (their buttons only), refreshed for <paramref name="viewerTeamsId"/>.</summary>
    public JsonObject ViewerCard(Ticket ticket, UserRef viewer, string? viewerTeamsId)
    {
        var policy = policies.Current;
        var view = TicketViews.Card(ticket, policy, time.GetUtcNow());
        var actions = TicketViews.ActionsFor(ticket, policy, viewer);
        return AdaptiveCardRenderer.TicketCard(view, actions, Options(view, actions, viewerTeamsId is null ? null : [viewerTeamsId]));
    }

    /// <summary>A ticket shown in a chat answer (a raised ticket, a status), with the card's buttons.</summary>
    public JsonObject ReplyCard(TicketCardView view) => AdaptiveCardRenderer.TicketCard(view, view.Actions, Options(view, view.Actions, null));

    private TeamsCardOptions Options(TicketCardView view, IReadOnlyList<string> actions, IReadOnlyList<string>? refreshFor) =>
        new(options.Value.PublicBaseUrl, RefreshUserIds: refreshFor, Forms: TicketForms.ForAll(actions, policies.Current, view.Tier));
}
