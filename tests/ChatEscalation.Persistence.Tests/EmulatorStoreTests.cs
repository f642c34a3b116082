namespace ChatEscalation.Persistence.Tests;

public sealed class EmulatorStoreTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public Task AddAsync_BeyondTheLimit_KeepsTheNewestAndNeverReusesAnId() => EmulatorScenarios.HistoryTrimmedPerChannelIdsNeverReusedAsync(database.NewContext);

    [Fact]
    public Task SaveClockAsync_ThenANewContext_OffsetAndFloorComeBack() => EmulatorScenarios.DemoClockSavedAndLatestRecordedAsync(database.NewContext);
}
