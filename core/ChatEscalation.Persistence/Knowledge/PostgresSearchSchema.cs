namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// What the <c>KnowledgeAndIncidents</c> migration runs on PostgreSQL after adding the columns: the new ticket columns filled from each
/// ticket's stored state (so tickets raised before it are searchable; the generated search vectors follow), drafts marked pending.
/// </summary>
/// <remarks>Part of a migration: never change this; a change to the schema is a new migration with its own SQL.</remarks>
public static class PostgresSearchSchema
{
    public const string Backfill = """
        UPDATE "Tickets" SET
            "Title" = coalesce("State"::jsonb ->> 'title', ''),
            "Description" = coalesce("State"::jsonb ->> 'description', ''),
            "Resolution" = "State"::jsonb ->> 'resolution',
            "AffectedService" = "State"::jsonb ->> 'affectedService',
            "PeopleAffected" = 1,
            "LastReportAt" = "RaisedAt";
        UPDATE "KnowledgeArticles" SET "Status" = 'Pending' WHERE "Status" = '';
        """;
}
