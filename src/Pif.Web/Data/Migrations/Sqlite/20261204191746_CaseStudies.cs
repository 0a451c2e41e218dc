using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    published_revision = table.Column<int>(type: "INTEGER", nullable: true),
                    withdrawn_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    withdrawn_reason = table.Column<string>(type: "TEXT", nullable: true),
                    is_demonstration = table.Column<bool>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_study_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    revision_number = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_study_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: false),
                    service_areas = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    problem = table.Column<string>(type: "TEXT", nullable: false),
                    what_was_done = table.Column<string>(type: "TEXT", nullable: false),
                    results = table.Column<string>(type: "TEXT", nullable: false),
                    what_helped = table.Column<string>(type: "TEXT", nullable: true),
                    what_got_in_the_way = table.Column<string>(type: "TEXT", nullable: true),
                    cost_and_resources = table.Column<string>(type: "TEXT", nullable: true),
                    contact_role = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    published_by_id = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    revision_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    revision_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    indicator_id = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    revision_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    framework_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    qi_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
                    case_study_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    revision_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false)
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

            // Full-text search (CaseStudySearch): an FTS5 table of the published words, kept by triggers on the
            // plain table, so a publication or withdrawal and its index change are one save.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE case_study_search_fts USING fts5(
                    case_study_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER case_study_search_entries_inserted AFTER INSERT ON case_study_search_entries BEGIN
                    INSERT INTO case_study_search_fts (case_study_id, title, body) VALUES (new.case_study_id, new.title, new.body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER case_study_search_entries_deleted AFTER DELETE ON case_study_search_entries BEGIN
                    DELETE FROM case_study_search_fts WHERE case_study_id = old.case_study_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER case_study_search_entries_updated AFTER UPDATE ON case_study_search_entries BEGIN
                    DELETE FROM case_study_search_fts WHERE case_study_id = old.case_study_id;
                    INSERT INTO case_study_search_fts (case_study_id, title, body) VALUES (new.case_study_id, new.title, new.body);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER case_study_search_entries_updated;");
            migrationBuilder.Sql("DROP TRIGGER case_study_search_entries_deleted;");
            migrationBuilder.Sql("DROP TRIGGER case_study_search_entries_inserted;");
            migrationBuilder.Sql("DROP TABLE case_study_search_fts;");

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
