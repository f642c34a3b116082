using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThreadLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceThreadKey",
                table: "Tickets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SourceThreadKey",
                table: "Tickets",
                column: "SourceThreadKey");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Platform_PlatformMessageId",
                table: "OutboxMessages",
                columns: new[] { "Platform", "PlatformMessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_SourceThreadKey",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Platform_PlatformMessageId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "SourceThreadKey",
                table: "Tickets");
        }
    }
}
