using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseStudyListing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_study_qis_framework_code_qi_code",
                table: "case_study_qis");

            migrationBuilder.AddColumn<Guid>(
                name: "organisation_id",
                table: "case_study_search_entries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "published_at",
                table: "case_study_search_entries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "service_areas",
                table: "case_study_search_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "year",
                table: "case_study_search_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Entries written before these columns existed take them from their case study and published revision.
            migrationBuilder.Sql("""
                UPDATE case_study_search_entries SET
                    organisation_id = (SELECT c.organisation_id FROM case_studies c WHERE c.id = case_study_search_entries.case_study_id),
                    year = (SELECT r.year FROM case_study_revisions r WHERE r.id = case_study_search_entries.revision_id),
                    service_areas = (SELECT r.service_areas FROM case_study_revisions r WHERE r.id = case_study_search_entries.revision_id),
                    published_at = (SELECT r.published_at FROM case_study_revisions r WHERE r.id = case_study_search_entries.revision_id);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_case_study_search_entries_organisation_id",
                table: "case_study_search_entries",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_search_entries_published_at",
                table: "case_study_search_entries",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_search_entries_year",
                table: "case_study_search_entries",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_revisions_state",
                table: "case_study_revisions",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_qis_framework_code_qi_code_revision_id",
                table: "case_study_qis",
                columns: new[] { "framework_code", "qi_code", "revision_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_study_search_entries_organisation_id",
                table: "case_study_search_entries");

            migrationBuilder.DropIndex(
                name: "ix_case_study_search_entries_published_at",
                table: "case_study_search_entries");

            migrationBuilder.DropIndex(
                name: "ix_case_study_search_entries_year",
                table: "case_study_search_entries");

            migrationBuilder.DropIndex(
                name: "ix_case_study_revisions_state",
                table: "case_study_revisions");

            migrationBuilder.DropIndex(
                name: "ix_case_study_qis_framework_code_qi_code_revision_id",
                table: "case_study_qis");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "case_study_search_entries");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "case_study_search_entries");

            migrationBuilder.DropColumn(
                name: "service_areas",
                table: "case_study_search_entries");

            migrationBuilder.DropColumn(
                name: "year",
                table: "case_study_search_entries");

            migrationBuilder.CreateIndex(
                name: "ix_case_study_qis_framework_code_qi_code",
                table: "case_study_qis",
                columns: new[] { "framework_code", "qi_code" });
        }
    }
}
