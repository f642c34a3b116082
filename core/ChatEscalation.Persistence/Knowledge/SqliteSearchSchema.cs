namespace ChatEscalation.Persistence.Knowledge;

/// <summary>
/// The SQLite full-text schema, created by the <c>KnowledgeAndIncidents</c> migration: FTS5 tables over tickets (title, description,
/// fix) and knowledge articles (title, text) with the Porter stemmer, kept in step by triggers (so every write path indexes), and
/// filled from the rows already there. External-content tables: the text is stored once, in its table.
/// </summary>
/// <remarks>Part of a migration: never change these; a change to the schema is a new migration with its own SQL.</remarks>
public static class SqliteSearchSchema
{
    public const string Create = """
        UPDATE "Tickets" SET
            "Title" = coalesce(json_extract("State", '$.title'), ''),
            "Description" = coalesce(json_extract("State", '$.description'), ''),
            "Resolution" = json_extract("State", '$.resolution'),
            "AffectedService" = json_extract("State", '$.affectedService'),
            "PeopleAffected" = 1,
            "LastReportAt" = "RaisedAt";
        UPDATE "KnowledgeArticles" SET "Status" = 'Pending' WHERE "Status" = '';

        CREATE VIRTUAL TABLE "TicketSearch" USING fts5("Title", "Description", "Resolution",
            content = 'Tickets', content_rowid = 'Number', tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER "TicketSearch_Insert" AFTER INSERT ON "Tickets" BEGIN
            INSERT INTO "TicketSearch"(rowid, "Title", "Description", "Resolution") VALUES (new."Number", new."Title", new."Description", new."Resolution");
        END;
        CREATE TRIGGER "TicketSearch_Delete" AFTER DELETE ON "Tickets" BEGIN
            INSERT INTO "TicketSearch"("TicketSearch", rowid, "Title", "Description", "Resolution") VALUES ('delete', old."Number", old."Title", old."Description", old."Resolution");
        END;
        CREATE TRIGGER "TicketSearch_Update" AFTER UPDATE OF "Title", "Description", "Resolution" ON "Tickets" BEGIN
            INSERT INTO "TicketSearch"("TicketSearch", rowid, "Title", "Description", "Resolution") VALUES ('delete', old."Number", old."Title", old."Description", old."Resolution");
            INSERT INTO "TicketSearch"(rowid, "Title", "Description", "Resolution") VALUES (new."Number", new."Title", new."Description", new."Resolution");
        END;
        INSERT INTO "TicketSearch"("TicketSearch") VALUES ('rebuild');

        CREATE VIRTUAL TABLE "ArticleSearch" USING fts5("Title", "Body",
            content = 'KnowledgeArticles', content_rowid = 'Id', tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER "ArticleSearch_Insert" AFTER INSERT ON "KnowledgeArticles" BEGIN
            INSERT INTO "ArticleSearch"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
        END;
        CREATE TRIGGER "ArticleSearch_Delete" AFTER DELETE ON "KnowledgeArticles" BEGIN
            INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
        END;
        CREATE TRIGGER "ArticleSearch_Update" AFTER UPDATE OF "Title", "Body" ON "KnowledgeArticles" BEGIN
            INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
            INSERT INTO "ArticleSearch"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
        END;
        INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS "TicketSearch_Insert";
        DROP TRIGGER IF EXISTS "TicketSearch_Delete";
        DROP TRIGGER IF EXISTS "TicketSearch_Update";
        DROP TABLE IF EXISTS "TicketSearch";
        DROP TRIGGER IF EXISTS "ArticleSearch_Insert";
        DROP TRIGGER IF EXISTS "ArticleSearch_Delete";
        DROP TRIGGER IF EXISTS "ArticleSearch_Update";
        DROP TABLE IF EXISTS "ArticleSearch";
        """;
}
