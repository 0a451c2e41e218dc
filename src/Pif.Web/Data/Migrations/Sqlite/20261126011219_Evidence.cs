using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evidence_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    review_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    added_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_items_asp_net_users_added_by_id",
                        column: x => x.added_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_items_asp_net_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_items_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    evidence_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    chunks = table.Column<int>(type: "INTEGER", nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_files_asp_net_users_uploaded_by_id",
                        column: x => x.uploaded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_files_evidence_items_evidence_item_id",
                        column: x => x.evidence_item_id,
                        principalTable: "evidence_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_links",
                columns: table => new
                {
                    evidence_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    qi_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    linked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    linked_by_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_links", x => new { x.evidence_item_id, x.qi_evaluation_id });
                    table.ForeignKey(
                        name: "fk_evidence_links_asp_net_users_linked_by_id",
                        column: x => x.linked_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_links_evidence_items_evidence_item_id",
                        column: x => x.evidence_item_id,
                        principalTable: "evidence_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evidence_links_qi_evaluations_qi_evaluation_id",
                        column: x => x.qi_evaluation_id,
                        principalTable: "qi_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "file_chunks",
                columns: table => new
                {
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    index = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_chunks", x => new { x.file_id, x.index });
                    table.ForeignKey(
                        name: "fk_file_chunks_evidence_files_file_id",
                        column: x => x.file_id,
                        principalTable: "evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_evidence_item_id",
                table: "evidence_files",
                column: "evidence_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_uploaded_by_id",
                table: "evidence_files",
                column: "uploaded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_items_added_by_id",
                table: "evidence_items",
                column: "added_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_items_organisation_id_title",
                table: "evidence_items",
                columns: new[] { "organisation_id", "title" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_items_owner_id_review_date",
                table: "evidence_items",
                columns: new[] { "owner_id", "review_date" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_links_linked_by_id",
                table: "evidence_links",
                column: "linked_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_links_qi_evaluation_id",
                table: "evidence_links",
                column: "qi_evaluation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_links");

            migrationBuilder.DropTable(
                name: "file_chunks");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "evidence_items");
        }
    }
}
