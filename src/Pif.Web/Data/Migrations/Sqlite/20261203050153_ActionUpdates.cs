using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    narrative = table.Column<string>(type: "TEXT", nullable: false),
                    status_from = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status_to = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status_reason = table.Column<string>(type: "TEXT", nullable: true),
                    evidence_item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    corrects_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_updates_action_updates_corrects_id",
                        column: x => x.corrects_id,
                        principalTable: "action_updates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_action_updates_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_action_updates_evidence_items_evidence_item_id",
                        column: x => x.evidence_item_id,
                        principalTable: "evidence_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_action_updates_plan_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "plan_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_updates_action_id_at",
                table: "action_updates",
                columns: new[] { "action_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_action_updates_author_id",
                table: "action_updates",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_updates_corrects_id",
                table: "action_updates",
                column: "corrects_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_updates_evidence_item_id",
                table: "action_updates",
                column: "evidence_item_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_updates");
        }
    }
}
