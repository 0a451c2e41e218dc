using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportColumnMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_column_mappings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    columns = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_column_mappings", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_column_mappings_users_updated_by_id",
                        column: x => x.updated_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_column_mappings_signature",
                table: "import_column_mappings",
                column: "signature",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_column_mappings_updated_by_id",
                table: "import_column_mappings",
                column: "updated_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_column_mappings");
        }
    }
}
