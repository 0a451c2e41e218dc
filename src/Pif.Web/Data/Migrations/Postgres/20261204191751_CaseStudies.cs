using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_studies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    published_revision = table.Column<int>(type: "integer", nullable: true),
                    withdrawn_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    withdrawn_reason = table.Column<string>(type: "text", nullable: true),
                    is_demonstration = table.Column<bool>(type: "boolean", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_studies", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_studies_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_studies_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_study_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_study_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision_number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_study_comments_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_study_comments_case_studies_case_study_id",
                        column: x => x.case_study_id,
                        principalTable: "case_studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_study_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_study_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    service_areas = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    problem = table.Column<string>(type: "text", nullable: false),
                    what_was_done = table.Column<string>(type: "text", nullable: false),
                    results = table.Column<string>(type: "text", nullable: false),
                    what_helped = table.Column<string>(type: "text", nullable: true),
                    what_got_in_the_way = table.Column<string>(type: "text", nullable: true),
                    cost_and_resources = table.Column<string>(type: "text", nullable: true),
                    contact_role = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_study_revisions_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_study_revisions_asp_net_users_published_by_id",
                        column: x => x.published_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_study_revisions_case_studies_case_study_id",
                        column: x => x.case_study_id,
                        principalTable: "case_studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_study_councils",
                columns: table => new
                {
                    revision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_councils", x => new { x.revision_id, x.organisation_id });
                    table.ForeignKey(
                        name: "fk_case_study_councils_case_study_revisions_revision_id",
                        column: x => x.revision_id,
                        principalTable: "case_study_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_study_councils_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_study_indicators",
                columns: table => new
                {
                    revision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_indicators", x => new { x.revision_id, x.indicator_id });
                    table.ForeignKey(
                        name: "fk_case_study_indicators_case_study_revisions_revision_id",
                        column: x => x.revision_id,
                        principalTable: "case_study_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_study_indicators_performance_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "performance_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_study_qis",
                columns: table => new
                {
                    revision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    qi_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_qis", x => new { x.revision_id, x.framework_code, x.qi_code });
                    table.ForeignKey(
                        name: "fk_case_study_qis_case_study_revisions_revision_id",
                        column: x => x.revision_id,
                        principalTable: "case_study_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_study_search_entries",
                columns: table => new
                {
                    case_study_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_study_search_entries", x => x.case_study_id);
                    table.ForeignKey(
                        name: "fk_case_study_search_entries_case_studies_case_study_id",
                        column: x => x.case_study_id,
                        principalTable: "case_studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_study_search_entries_case_study_revisions_revision_id",
                        column: x => x.revision_id,
                        principalTable: "case_study_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_studies_created_by_id",
                table: "case_studies",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_studies_organisation_id",
                table: "case_studies",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_comments_author_id",
                table: "case_study_comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_comments_case_study_id_at",
                table: "case_study_comments",
                columns: new[] { "case_study_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_study_councils_organisation_id",
                table: "case_study_councils",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_indicators_indicator_id",
                table: "case_study_indicators",
                column: "indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_qis_framework_code_qi_code",
                table: "case_study_qis",
                columns: new[] { "framework_code", "qi_code" });

            migrationBuilder.CreateIndex(
                name: "ix_case_study_revisions_case_study_id_number",
                table: "case_study_revisions",
                columns: new[] { "case_study_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_study_revisions_created_by_id",
                table: "case_study_revisions",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_revisions_published_by_id",
                table: "case_study_revisions",
                column: "published_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_search_entries_revision_id",
                table: "case_study_search_entries",
                column: "revision_id");

            // Full-text search (CaseStudySearch): the words as a generated tsvector, the title weighted above the body,
            // with a GIN index.
            migrationBuilder.Sql("""
                ALTER TABLE case_study_search_entries ADD COLUMN document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_case_study_search_entries_document ON case_study_search_entries USING GIN (document);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_case_study_search_entries_document;");

            migrationBuilder.DropTable(
                name: "case_study_comments");

            migrationBuilder.DropTable(
                name: "case_study_councils");

            migrationBuilder.DropTable(
                name: "case_study_indicators");

            migrationBuilder.DropTable(
                name: "case_study_qis");

            migrationBuilder.DropTable(
                name: "case_study_search_entries");

            migrationBuilder.DropTable(
                name: "case_study_revisions");

            migrationBuilder.DropTable(
                name: "case_studies");
        }
    }
}
