namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// The SQLite full-text schema, created by the <c>KnowledgeAndIncidents</c> migration: three FTS5 indexes (Porter stemmer) that hold
/// exactly what is searched, kept in step by triggers on every write path, and filled from the rows already there.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>FixSearch</c>: resolved or closed tickets with a fix that are not self-service and not linked reports (title, description, fix).</item>
/// <item><c>OpenSearch</c>: open tickets not linked to another (category, so a search stays inside one; title, description).</item>
/// <item><c>ArticleSearch</c>: published knowledge articles (title, text).</item>
/// </list>
/// Contentless with <c>contentless_delete</c> (the text is stored once, in its table; a row leaves an index by its rowid), so a search
/// reads the index alone and joins its few best rows to their table. Part of a migration: never change these; a change to the schema
/// is a new migration with its own SQL. A later migration that rebuilds the Tickets or KnowledgeArticles table must create the triggers
/// again: <see cref="Create"/>'s insert and delete triggers, and <see cref="UpdateOnChange"/>'s update triggers (which replaced
/// <c>Tickets_Search_Update</c>).
/// </remarks>
public static class SqliteSearchSchema
{
    public const string Create = $"""
        UPDATE "Tickets" SET
            "Title" = coalesce(json_extract("State", '$.title'), ''),
            "Description" = coalesce(json_extract("State", '$.description'), ''),
            "Resolution" = json_extract("State", '$.resolution'),
            "AffectedService" = json_extract("State", '$.affectedService'),
            "PeopleAffected" = 1,
            "LastReportAt" = "RaisedAt";
        UPDATE "KnowledgeArticles" SET "Status" = 'Pending' WHERE "Status" = '';

        CREATE VIRTUAL TABLE "FixSearch" USING fts5("Title", "Description", "Resolution",
            content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE "OpenSearch" USING fts5("Category", "Title", "Description",
            content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER "Tickets_Search_Insert" AFTER INSERT ON "Tickets" BEGIN
            INSERT INTO "FixSearch"(rowid, "Title", "Description", "Resolution") SELECT new."Number", new."Title", new."Description", new."Resolution"
                WHERE new."Status" IN ('Resolved', 'Closed') AND new."Resolution" IS NOT NULL AND new."ParentNumber" IS NULL AND new."SelfService" = 0;
            INSERT INTO "OpenSearch"(rowid, "Category", "Title", "Description") SELECT new."Number", new."Category", new."Title", new."Description"
                WHERE new."Status" IN ('Queued', 'Accepted', 'WaitingOnUser') AND new."ParentNumber" IS NULL;
        END;
        {SearchUpdate}
        CREATE TRIGGER "Tickets_Search_Delete" AFTER DELETE ON "Tickets" BEGIN
            DELETE FROM "FixSearch" WHERE rowid = old."Number";
            DELETE FROM "OpenSearch" WHERE rowid = old."Number";
        END;
        INSERT INTO "FixSearch"(rowid, "Title", "Description", "Resolution") SELECT "Number", "Title", "Description", "Resolution" FROM "Tickets"
            WHERE "Status" IN ('Resolved', 'Closed') AND "Resolution" IS NOT NULL AND "ParentNumber" IS NULL AND "SelfService" = 0;
        INSERT INTO "OpenSearch"(rowid, "Category", "Title", "Description") SELECT "Number", "Category", "Title", "Description" FROM "Tickets"
            WHERE "Status" IN ('Queued', 'Accepted', 'WaitingOnUser') AND "ParentNumber" IS NULL;

        CREATE VIRTUAL TABLE "ArticleSearch" USING fts5("Title", "Body",
            content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER "KnowledgeArticles_Search_Insert" AFTER INSERT ON "KnowledgeArticles" BEGIN
            INSERT INTO "ArticleSearch"(rowid, "Title", "Body") SELECT new."Id", new."Title", new."Body" WHERE new."Status" = 'Published';
        END;
        CREATE TRIGGER "KnowledgeArticles_Search_Update" AFTER UPDATE OF "Title", "Body", "Status" ON "KnowledgeArticles" BEGIN
            DELETE FROM "ArticleSearch" WHERE rowid = old."Id";
            INSERT INTO "ArticleSearch"(rowid, "Title", "Body") SELECT new."Id", new."Title", new."Body" WHERE new."Status" = 'Published';
        END;
        CREATE TRIGGER "KnowledgeArticles_Search_Delete" AFTER DELETE ON "KnowledgeArticles" BEGIN
            DELETE FROM "ArticleSearch" WHERE rowid = old."Id";
        END;
        INSERT INTO "ArticleSearch"(rowid, "Title", "Body") SELECT "Id", "Title", "Body" FROM "KnowledgeArticles" WHERE "Status" = 'Published';
        """;

    /// <summary>The update trigger <see cref="Create"/> made, replaced by <see cref="UpdateOnChange"/>.</summary>
    private const string SearchUpdate = """
        CREATE TRIGGER "Tickets_Search_Update" AFTER UPDATE OF "Title", "Description", "Resolution", "Status", "ParentNumber", "SelfService", "Category" ON "Tickets" BEGIN
            DELETE FROM "FixSearch" WHERE rowid = old."Number";
            DELETE FROM "OpenSearch" WHERE rowid = old."Number";
            INSERT INTO "FixSearch"(rowid, "Title", "Description", "Resolution") SELECT new."Number", new."Title", new."Description", new."Resolution"
                WHERE new."Status" IN ('Resolved', 'Closed') AND new."Resolution" IS NOT NULL AND new."ParentNumber" IS NULL AND new."SelfService" = 0;
            INSERT INTO "OpenSearch"(rowid, "Category", "Title", "Description") SELECT new."Number", new."Category", new."Title", new."Description"
                WHERE new."Status" IN ('Queued', 'Accepted', 'WaitingOnUser') AND new."ParentNumber" IS NULL;
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS "Tickets_Search_Insert";
        DROP TRIGGER IF EXISTS "Tickets_Search_Update";
        DROP TRIGGER IF EXISTS "Tickets_Search_Delete";
        DROP TABLE IF EXISTS "FixSearch";
        DROP TABLE IF EXISTS "OpenSearch";
        DROP TRIGGER IF EXISTS "KnowledgeArticles_Search_Insert";
        DROP TRIGGER IF EXISTS "KnowledgeArticles_Search_Update";
        DROP TRIGGER IF EXISTS "KnowledgeArticles_Search_Delete";
        DROP TABLE IF EXISTS "ArticleSearch";
        """;

    // A ticket's membership of each index, as its insert trigger decides it, for the row before (old) and after (new) an update.
    private const string InFixOld = """(old."Status" IN ('Resolved', 'Closed') AND old."Resolution" IS NOT NULL AND old."ParentNumber" IS NULL AND old."SelfService" = 0)""";
    private const string InFixNew = """(new."Status" IN ('Resolved', 'Closed') AND new."Resolution" IS NOT NULL AND new."ParentNumber" IS NULL AND new."SelfService" = 0)""";
    private const string InOpenOld = """(old."Status" IN ('Queued', 'Accepted', 'WaitingOnUser') AND old."ParentNumber" IS NULL)""";
    private const string InOpenNew = """(new."Status" IN ('Queued', 'Accepted', 'WaitingOnUser') AND new."ParentNumber" IS NULL)""";

    /// <summary>
    /// The <c>SearchUpdateOnChange</c> migration: <c>Tickets_Search_Update</c> re-indexed a ticket in both indexes on every status
    /// change (an Accept, an escalation, a wait for the user: delete and insert the same words, leaving a tombstone each time). One
    /// trigger per index now, firing only when the ticket enters or leaves that index or, while in it, the indexed text changes.
    /// </summary>
    public const string UpdateOnChange = $"""
        DROP TRIGGER IF EXISTS "Tickets_Search_Update";
        CREATE TRIGGER "Tickets_FixSearch_Update" AFTER UPDATE OF "Title", "Description", "Resolution", "Status", "ParentNumber", "SelfService" ON "Tickets"
            WHEN {InFixOld} IS NOT {InFixNew}
                OR ({InFixNew} AND (old."Title" IS NOT new."Title" OR old."Description" IS NOT new."Description" OR old."Resolution" IS NOT new."Resolution"))
        BEGIN
            DELETE FROM "FixSearch" WHERE rowid = old."Number";
            INSERT INTO "FixSearch"(rowid, "Title", "Description", "Resolution") SELECT new."Number", new."Title", new."Description", new."Resolution"
                WHERE {InFixNew};
        END;
        CREATE TRIGGER "Tickets_OpenSearch_Update" AFTER UPDATE OF "Title", "Description", "Status", "ParentNumber", "Category" ON "Tickets"
            WHEN {InOpenOld} IS NOT {InOpenNew}
                OR ({InOpenNew} AND (old."Title" IS NOT new."Title" OR old."Description" IS NOT new."Description" OR old."Category" IS NOT new."Category"))
        BEGIN
            DELETE FROM "OpenSearch" WHERE rowid = old."Number";
            INSERT INTO "OpenSearch"(rowid, "Category", "Title", "Description") SELECT new."Number", new."Category", new."Title", new."Description"
                WHERE {InOpenNew};
        END;
        """;

    /// <summary>Undoes <see cref="UpdateOnChange"/>: the two triggers out, <c>Tickets_Search_Update</c> back as <see cref="Create"/> made it.</summary>
    public const string UpdateOnChangeDown = $"""
        DROP TRIGGER IF EXISTS "Tickets_FixSearch_Update";
        DROP TRIGGER IF EXISTS "Tickets_OpenSearch_Update";
        {SearchUpdate}
        """;
}
