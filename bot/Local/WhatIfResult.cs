using ChatEscalation.Core.Engine;

namespace ChatEscalation.Bot.Local;

/// <summary>The dry run of a <see cref="WhatIfRequest"/>: when it would be raised (UTC and the staffed zone's local time) and the engine's timeline.</summary>
public sealed record WhatIfResult(DateTimeOffset RaisedAt, DateTimeOffset RaisedAtLocal, string Impact, string Urgency, IReadOnlyList<TimelineEntry> Timeline);
