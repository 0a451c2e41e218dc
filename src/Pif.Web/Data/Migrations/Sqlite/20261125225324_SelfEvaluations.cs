using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SelfEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "self_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    framework_version_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_areas = table.Column<int>(type: "INTEGER", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    lead_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    first_submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    last_written_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_evaluations_framework_versions_framework_version_id",
                        column: x => x.framework_version_id,
                        principalTable: "framework_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_self_evaluations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_self_evaluations_users_lead_user_id",
                        column: x => x.lead_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "qi_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    self_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quality_indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    qi_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_qi_evaluations_quality_indicators_quality_indicator_id",
                        column: x => x.quality_indicator_id,
                        principalTable: "quality_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_qi_evaluations_self_evaluations_self_evaluation_id",
                        column: x => x.self_evaluation_id,
                        principalTable: "self_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    qi_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    how_are_we_doing = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    how_do_we_know = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    what_next = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    confidence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    is_complete = table.Column<bool>(type: "INTEGER", nullable: false),
                    grade_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    started_from_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_records_qi_evaluations_qi_evaluation_id",
                        column: x => x.qi_evaluation_id,
                        principalTable: "qi_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evaluation_records_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "qi_assignments",
                columns: table => new
                {
                    qi_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_assignments", x => new { x.qi_evaluation_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_qi_assignments_qi_evaluations_qi_evaluation_id",
                        column: x => x.qi_evaluation_id,
                        principalTable: "qi_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_qi_assignments_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_record_items_evaluation_records_record_id",
                        column: x => x.record_id,
                        principalTable: "evaluation_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_records_author_id",
                table: "evaluation_records",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_records_qi_evaluation_id_author_id",
                table: "evaluation_records",
                columns: new[] { "qi_evaluation_id", "author_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_evaluation_records_one_agreed",
                table: "evaluation_records",
                column: "qi_evaluation_id",
                unique: true,
                filter: "\"kind\" = 'Agreed'");

            migrationBuilder.CreateIndex(
                name: "ix_qi_assignments_user_id",
                table: "qi_assignments",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_evaluations_quality_indicator_id",
                table: "qi_evaluations",
                column: "quality_indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_evaluations_self_evaluation_id_quality_indicator_id",
                table: "qi_evaluations",
                columns: new[] { "self_evaluation_id", "quality_indicator_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_record_items_record_id",
                table: "record_items",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_evaluations_framework_version_id",
                table: "self_evaluations",
                column: "framework_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_evaluations_lead_user_id",
                table: "self_evaluations",
                column: "lead_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_evaluations_organisation_id_state",
                table: "self_evaluations",
                columns: new[] { "organisation_id", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "qi_assignments");

            migrationBuilder.DropTable(
                name: "record_items");

            migrationBuilder.DropTable(
                name: "evaluation_records");

            migrationBuilder.DropTable(
                name: "qi_evaluations");

            migrationBuilder.DropTable(
                name: "self_evaluations");
        }
    }
}
