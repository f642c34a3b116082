using ChatEscalation.Core.Notifications;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Persistence.Outbox;

/// <summary>Reads the JSON columns of an outbox row back into core values.</summary>
public static class OutboxMessageView
{
    public static Audience AudienceOf(this OutboxMessage message) => TicketJson.DeserializeAudience(message.AudienceJson);

    public static IReadOnlyList<string> ActionsOf(this OutboxMessage message) => TicketJson.DeserializeActions(message.ActionsJson);
}
