using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "export_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    parameter = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    site = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    progress = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    length = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_export_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "export_files",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_export_files", x => x.job_id);
                    table.ForeignKey(
                        name: "fk_export_files_export_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "export_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_expires_at",
                table: "export_jobs",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_requested_by_id",
                table: "export_jobs",
                column: "requested_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_state_created_at",
                table: "export_jobs",
                columns: new[] { "state", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "export_files");

            migrationBuilder.DropTable(
                name: "export_jobs");
        }
    }
}
