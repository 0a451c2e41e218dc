using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Validation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "published_at",
                table: "self_evaluations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "self_evaluations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "returned_at",
                table: "self_evaluations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "submissions",
                table: "self_evaluations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "validated_at",
                table: "self_evaluations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "validated_by_id",
                table: "self_evaluations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "validation_improvements",
                table: "self_evaluations",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "validation_strengths",
                table: "self_evaluations",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "qi_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    qi_evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submission = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_qi_comments_qi_evaluations_qi_evaluation_id",
                        column: x => x.qi_evaluation_id,
                        principalTable: "qi_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_qi_comments_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "validation_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    qi_evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission = table.Column<int>(type: "integer", nullable: false),
                    agrees = table.Column<bool>(type: "boolean", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    agreed_grade = table.Column<int>(type: "integer", nullable: false),
                    reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    inspector_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    carried_from_submission = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_validation_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_validation_decisions_qi_evaluations_qi_evaluation_id",
                        column: x => x.qi_evaluation_id,
                        principalTable: "qi_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_validation_decisions_users_inspector_id",
                        column: x => x.inspector_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_self_evaluations_validated_by_id",
                table: "self_evaluations",
                column: "validated_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_comments_author_id",
                table: "qi_comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_comments_qi_evaluation_id_at",
                table: "qi_comments",
                columns: new[] { "qi_evaluation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_validation_decisions_inspector_id",
                table: "validation_decisions",
                column: "inspector_id");

            migrationBuilder.CreateIndex(
                name: "ix_validation_decisions_qi_evaluation_id_submission",
                table: "validation_decisions",
                columns: new[] { "qi_evaluation_id", "submission" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_self_evaluations_users_validated_by_id",
                table: "self_evaluations",
                column: "validated_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_self_evaluations_users_validated_by_id",
                table: "self_evaluations");

            migrationBuilder.DropTable(
                name: "qi_comments");

            migrationBuilder.DropTable(
                name: "validation_decisions");

            migrationBuilder.DropIndex(
                name: "ix_self_evaluations_validated_by_id",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "returned_at",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "submissions",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "validated_at",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "validated_by_id",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "validation_improvements",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "validation_strengths",
                table: "self_evaluations");
        }
    }
}
