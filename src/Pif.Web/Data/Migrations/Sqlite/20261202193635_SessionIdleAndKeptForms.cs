using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionIdleAndKeptForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_seen_at",
                table: "user_sessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Sessions open at the upgrade count as active now, rather than timing out at once.
            migrationBuilder.Sql("UPDATE user_sessions SET last_seen_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE ended_at IS NULL;");

            migrationBuilder.CreateTable(
                name: "kept_forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    @protected = table.Column<string>(name: "protected", type: "TEXT", nullable: false),
                    had_files = table.Column<bool>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kept_forms", x => x.id);
                    table.ForeignKey(
                        name: "fk_kept_forms_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kept_forms_expires_at",
                table: "kept_forms",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_kept_forms_user_id",
                table: "kept_forms",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kept_forms");

            migrationBuilder.DropColumn(
                name: "last_seen_at",
                table: "user_sessions");
        }
    }
}
