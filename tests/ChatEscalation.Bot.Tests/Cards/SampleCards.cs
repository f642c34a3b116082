using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>Hand-written Adaptive Cards used to test the validators themselves.</summary>
internal static class SampleCards
{
    /// <summary>A 1.5 ticket card: heading with a Teams mention, FactSet, Action.Execute, ShowCard with a multiline note.</summary>
    public static JsonNode TicketCard() => JsonNode.Parse("""
        {
          "type": "AdaptiveCard",
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "version": "1.5",
          "msteams": {
            "width": "Full",
            "entities": [
              { "type": "mention", "text": "<at>Jane Doe</at>", "mentioned": { "id": "29:1abc", "name": "Jane Doe" } }
            ]
          },
          "body": [
            { "type": "TextBlock", "text": "T-42 printer on fire, for <at>Jane Doe</at>", "wrap": true, "style": "heading" },
            { "type": "FactSet", "facts": [ { "title": "Priority", "value": "P1" }, { "title": "Level", "value": "Tier 2" } ] }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "Accept", "verb": "ticket.accept", "data": { "ticketId": "T-42" } },
            {
              "type": "Action.ShowCard",
              "title": "Escalate",
              "card": {
                "type": "AdaptiveCard",
                "body": [
                  { "type": "Input.Text", "id": "note", "label": "Handoff note", "isMultiline": true, "maxLength": 500 }
                ],
                "actions": [
                  { "type": "Action.Execute", "title": "Escalate now", "verb": "ticket.escalate", "data": { "ticketId": "T-42" } }
                ]
              }
            },
            { "type": "Action.OpenUrl", "title": "Open in service desk", "url": "https://desk.example.com/T-42", "mode": "secondary" }
          ]
        }
        """)!;

    /// <summary>A card whose body holds an element type that does not exist.</summary>
    public static JsonNode UnknownElementCard() => JsonNode.Parse("""
        {
          "type": "AdaptiveCard", "version": "1.5",
          "body": [ { "type": "Fancy.Widget", "text": "nope" }, { "type": "TextBlock", "text": "ok" } ]
        }
        """)!;

    /// <summary>A card whose Action.OpenUrl lacks its required <c>url</c>.</summary>
    public static JsonNode MissingUrlCard() => JsonNode.Parse("""
        {
          "type": "AdaptiveCard", "version": "1.5",
          "body": [ { "type": "TextBlock", "text": "T-7" } ],
          "actions": [ { "type": "Action.OpenUrl", "title": "Open" } ]
        }
        """)!;
}
