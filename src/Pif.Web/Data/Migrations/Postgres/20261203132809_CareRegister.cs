using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CareRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registered_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cs_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    care_service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    subtype = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sector = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    provider = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_group = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    min_grade = table.Column<int>(type: "integer", nullable: true),
                    max_grade = table.Column<int>(type: "integer", nullable: true),
                    graded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registered_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_registered_services_indicator_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "indicator_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_registered_services_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registered_services_cs_number",
                table: "registered_services",
                column: "cs_number");

            migrationBuilder.CreateIndex(
                name: "ix_registered_services_import_id",
                table: "registered_services",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_registered_services_organisation_id_current",
                table: "registered_services",
                columns: new[] { "organisation_id", "current" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registered_services");
        }
    }
}
