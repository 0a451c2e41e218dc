using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImprovementPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "improvement_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    self_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_improvement_plans_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_improvement_plans_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_improvement_plans_self_evaluations_self_evaluation_id",
                        column: x => x.self_evaluation_id,
                        principalTable: "self_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: true),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status_reason = table.Column<string>(type: "TEXT", nullable: true),
                    success_measure = table.Column<string>(type: "TEXT", nullable: true),
                    indicator_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    indicator_target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_actions_asp_net_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_actions_improvement_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "improvement_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    qi_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    record_item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_sources", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_sources_plan_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "plan_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_sources_qi_evaluations_qi_evaluation_id",
                        column: x => x.qi_evaluation_id,
                        principalTable: "qi_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_sources_action_id",
                table: "action_sources",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_sources_qi_evaluation_id",
                table: "action_sources",
                column: "qi_evaluation_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_plans_created_by_id",
                table: "improvement_plans",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_plans_organisation_id_period_start",
                table: "improvement_plans",
                columns: new[] { "organisation_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_improvement_plans_self_evaluation_id",
                table: "improvement_plans",
                column: "self_evaluation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_owner_id_due_date",
                table: "plan_actions",
                columns: new[] { "owner_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_plan_id_number",
                table: "plan_actions",
                columns: new[] { "plan_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_sources");

            migrationBuilder.DropTable(
                name: "plan_actions");

            migrationBuilder.DropTable(
                name: "improvement_plans");
        }
    }
}
