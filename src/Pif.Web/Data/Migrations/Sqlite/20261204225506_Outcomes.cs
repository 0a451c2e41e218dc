using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Outcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outcome_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    loaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "national_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    set_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_national_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_national_outcomes_outcome_sets_set_id",
                        column: x => x.set_id,
                        principalTable: "outcome_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outcome_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    from_year = table.Column<int>(type: "INTEGER", nullable: false),
                    to_year = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome_set_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    agreed_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_outcome_agreements_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_outcome_agreements_outcome_sets_outcome_set_id",
                        column: x => x.outcome_set_id,
                        principalTable: "outcome_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_outcome_agreements_users_agreed_by_id",
                        column: x => x.agreed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_outcome_agreements_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_study_outcomes",
                columns: table => new
                {
                    revision_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    national_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_outcomes", x => new { x.revision_id, x.national_outcome_id });
                    table.ForeignKey(
                        name: "fk_case_study_outcomes_case_study_revisions_revision_id",
                        column: x => x.revision_id,
                        principalTable: "case_study_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_study_outcomes_national_outcomes_national_outcome_id",
                        column: x => x.national_outcome_id,
                        principalTable: "national_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "local_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_local_outcomes_outcome_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "outcome_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_outcome_actions",
                columns: table => new
                {
                    local_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_outcome_actions", x => new { x.local_outcome_id, x.action_id });
                    table.ForeignKey(
                        name: "fk_local_outcome_actions_local_outcomes_local_outcome_id",
                        column: x => x.local_outcome_id,
                        principalTable: "local_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_local_outcome_actions_plan_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "plan_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_outcome_case_studies",
                columns: table => new
                {
                    local_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_study_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_outcome_case_studies", x => new { x.local_outcome_id, x.case_study_id });
                    table.ForeignKey(
                        name: "fk_local_outcome_case_studies_case_studies_case_study_id",
                        column: x => x.case_study_id,
                        principalTable: "case_studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_local_outcome_case_studies_local_outcomes_local_outcome_id",
                        column: x => x.local_outcome_id,
                        principalTable: "local_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_outcome_indicators",
                columns: table => new
                {
                    local_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    baseline_period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_outcome_indicators", x => new { x.local_outcome_id, x.indicator_id });
                    table.ForeignKey(
                        name: "fk_local_outcome_indicators_local_outcomes_local_outcome_id",
                        column: x => x.local_outcome_id,
                        principalTable: "local_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_local_outcome_indicators_performance_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "performance_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "local_outcome_nationals",
                columns: table => new
                {
                    local_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    national_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_outcome_nationals", x => new { x.local_outcome_id, x.national_outcome_id });
                    table.ForeignKey(
                        name: "fk_local_outcome_nationals_local_outcomes_local_outcome_id",
                        column: x => x.local_outcome_id,
                        principalTable: "local_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_local_outcome_nationals_national_outcomes_national_outcome_id",
                        column: x => x.national_outcome_id,
                        principalTable: "national_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "local_outcome_qis",
                columns: table => new
                {
                    local_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    framework_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    qi_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_outcome_qis", x => new { x.local_outcome_id, x.framework_code, x.qi_code });
                    table.ForeignKey(
                        name: "fk_local_outcome_qis_local_outcomes_local_outcome_id",
                        column: x => x.local_outcome_id,
                        principalTable: "local_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outcome_progress_statements",
                columns: table => new
                {
                    local_outcome_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_progress_statements", x => new { x.local_outcome_id, x.year });
                    table.ForeignKey(
                        name: "fk_outcome_progress_statements_local_outcomes_local_outcome_id",
                        column: x => x.local_outcome_id,
                        principalTable: "local_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outcome_progress_statements_users_updated_by_id",
                        column: x => x.updated_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_study_outcomes_national_outcome_id_revision_id",
                table: "case_study_outcomes",
                columns: new[] { "national_outcome_id", "revision_id" });

            migrationBuilder.CreateIndex(
                name: "ix_local_outcome_actions_action_id",
                table: "local_outcome_actions",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_outcome_case_studies_case_study_id",
                table: "local_outcome_case_studies",
                column: "case_study_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_outcome_indicators_indicator_id",
                table: "local_outcome_indicators",
                column: "indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_outcome_nationals_national_outcome_id",
                table: "local_outcome_nationals",
                column: "national_outcome_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_outcomes_agreement_id_number",
                table: "local_outcomes",
                columns: new[] { "agreement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_national_outcomes_set_id_number",
                table: "national_outcomes",
                columns: new[] { "set_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outcome_agreements_agreed_by_id",
                table: "outcome_agreements",
                column: "agreed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_agreements_created_by_id",
                table: "outcome_agreements",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_agreements_organisation_id",
                table: "outcome_agreements",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_agreements_outcome_set_id",
                table: "outcome_agreements",
                column: "outcome_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_progress_statements_updated_by_id",
                table: "outcome_progress_statements",
                column: "updated_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_sets_code",
                table: "outcome_sets",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_study_outcomes");

            migrationBuilder.DropTable(
                name: "local_outcome_actions");

            migrationBuilder.DropTable(
                name: "local_outcome_case_studies");

            migrationBuilder.DropTable(
                name: "local_outcome_indicators");

            migrationBuilder.DropTable(
                name: "local_outcome_nationals");

            migrationBuilder.DropTable(
                name: "local_outcome_qis");

            migrationBuilder.DropTable(
                name: "outcome_progress_statements");

            migrationBuilder.DropTable(
                name: "national_outcomes");

            migrationBuilder.DropTable(
                name: "local_outcomes");

            migrationBuilder.DropTable(
                name: "outcome_agreements");

            migrationBuilder.DropTable(
                name: "outcome_sets");
        }
    }
}
