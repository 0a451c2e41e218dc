using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseStudyLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "after_period",
                table: "case_study_indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "before_period",
                table: "case_study_indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_study_actions",
                columns: table => new
                {
                    revision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_actions", x => new { x.revision_id, x.action_id });
                    table.ForeignKey(
                        name: "fk_case_study_actions_case_study_revisions_revision_id",
                        column: x => x.revision_id,
                        principalTable: "case_study_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_study_actions_plan_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "plan_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_study_evidence",
                columns: table => new
                {
                    revision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evidence_item_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_evidence", x => new { x.revision_id, x.evidence_item_id });
                    table.ForeignKey(
                        name: "fk_case_study_evidence_case_study_revisions_revision_id",
                        column: x => x.revision_id,
                        principalTable: "case_study_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_study_evidence_evidence_items_evidence_item_id",
                        column: x => x.evidence_item_id,
                        principalTable: "evidence_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_study_actions_action_id",
                table: "case_study_actions",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_evidence_evidence_item_id",
                table: "case_study_evidence",
                column: "evidence_item_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_study_actions");

            migrationBuilder.DropTable(
                name: "case_study_evidence");

            migrationBuilder.DropColumn(
                name: "after_period",
                table: "case_study_indicators");

            migrationBuilder.DropColumn(
                name: "before_period",
                table: "case_study_indicators");
        }
    }
}
