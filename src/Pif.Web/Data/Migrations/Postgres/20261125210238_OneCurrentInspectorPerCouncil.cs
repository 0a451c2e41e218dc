using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneCurrentInspectorPerCouncil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ux_link_inspector_assignments_current",
                table: "link_inspector_assignments",
                column: "council_id",
                unique: true,
                filter: "\"until\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_link_inspector_assignments_current",
                table: "link_inspector_assignments");
        }
    }
}
