using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QiIndicatorLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "qi_indicator_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    framework_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    qi_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_indicator_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_qi_indicator_links_performance_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "performance_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_qi_indicator_links_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_qi_indicator_links_created_by_id",
                table: "qi_indicator_links",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_indicator_links_framework_code_qi_code_indicator_id",
                table: "qi_indicator_links",
                columns: new[] { "framework_code", "qi_code", "indicator_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_qi_indicator_links_indicator_id",
                table: "qi_indicator_links",
                column: "indicator_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "qi_indicator_links");
        }
    }
}
