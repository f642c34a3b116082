namespace ChatEscalation.Persistence.Hosting;

/// <summary>The <c>Database:Provider</c> setting.</summary>
public enum DatabaseProvider { Sqlite, Postgres }
