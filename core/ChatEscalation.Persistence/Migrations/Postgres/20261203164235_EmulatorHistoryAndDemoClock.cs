using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EmulatorHistoryAndDemoClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemoClock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Offset = table.Column<long>(type: "bigint", nullable: false),
                    ReadAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoClock", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmulatorMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ThreadOf = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AuthorKey = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    AuthorName = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Ticket = table.Column<long>(type: "bigint", nullable: true),
                    Actions = table.Column<string>(type: "text", nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    View = table.Column<string>(type: "text", nullable: true),
                    BlockKit = table.Column<string>(type: "text", nullable: true),
                    AdaptiveCard = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmulatorMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmulatorMessages_ChannelId_Id",
                table: "EmulatorMessages",
                columns: new[] { "ChannelId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemoClock");

            migrationBuilder.DropTable(
                name: "EmulatorMessages");
        }
    }
}
