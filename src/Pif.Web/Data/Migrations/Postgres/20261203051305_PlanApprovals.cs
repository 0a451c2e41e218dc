using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "closed_at",
                table: "improvement_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "plan_approvals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    approved_by_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_approvals", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_approvals_asp_net_users_approved_by_id",
                        column: x => x.approved_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_approvals_improvement_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "improvement_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_approvals_approved_by_id",
                table: "plan_approvals",
                column: "approved_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_approvals_plan_id_revision",
                table: "plan_approvals",
                columns: new[] { "plan_id", "revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_approvals");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "improvement_plans");
        }
    }
}
