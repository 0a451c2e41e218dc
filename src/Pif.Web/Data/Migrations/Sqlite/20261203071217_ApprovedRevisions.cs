using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovedRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "content",
                table: "plan_approvals",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content",
                table: "plan_approvals");
        }
    }
}
