using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Frameworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_scales",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_scales", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "frameworks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_frameworks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scale_levels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scale_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    value = table.Column<int>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    meaning = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scale_levels", x => x.id);
                    table.ForeignKey(
                        name: "fk_scale_levels_evaluation_scales_scale_id",
                        column: x => x.scale_id,
                        principalTable: "evaluation_scales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    scale_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    top_group_label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    sub_group_label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    retired_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    content_changed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_framework_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_framework_versions_evaluation_scales_scale_id",
                        column: x => x.scale_id,
                        principalTable: "evaluation_scales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_framework_versions_frameworks_framework_id",
                        column: x => x.framework_id,
                        principalTable: "frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_framework_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_framework_groups_framework_groups_parent_id",
                        column: x => x.parent_id,
                        principalTable: "framework_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_framework_groups_framework_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "framework_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quality_indicators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    group_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    is_overall_judgement = table.Column<bool>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quality_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_quality_indicators_framework_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "framework_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quality_indicators_framework_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "framework_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_mappings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_quality_indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to_framework_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    to_qi_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_framework_mappings", x => x.id);
                    table.ForeignKey(
                        name: "fk_framework_mappings_framework_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "framework_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_framework_mappings_quality_indicators_from_quality_indicator_id",
                        column: x => x.from_quality_indicator_id,
                        principalTable: "quality_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qi_challenge_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    quality_indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_challenge_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_qi_challenge_questions_quality_indicators_quality_indicator_id",
                        column: x => x.quality_indicator_id,
                        principalTable: "quality_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qi_suggested_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    family = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    quality_indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_suggested_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_qi_suggested_evidence_quality_indicators_quality_indicator_id",
                        column: x => x.quality_indicator_id,
                        principalTable: "quality_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qi_themes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    quality_indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_themes", x => x.id);
                    table.ForeignKey(
                        name: "fk_qi_themes_quality_indicators_quality_indicator_id",
                        column: x => x.quality_indicator_id,
                        principalTable: "quality_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qi_illustrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    theme_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    quality_indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qi_illustrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_qi_illustrations_qi_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "qi_themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_qi_illustrations_quality_indicators_quality_indicator_id",
                        column: x => x.quality_indicator_id,
                        principalTable: "quality_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_scales_code",
                table: "evaluation_scales",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_framework_groups_parent_id",
                table: "framework_groups",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_groups_version_id",
                table: "framework_groups",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_mappings_from_quality_indicator_id",
                table: "framework_mappings",
                column: "from_quality_indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_mappings_to_framework_code_to_qi_code",
                table: "framework_mappings",
                columns: new[] { "to_framework_code", "to_qi_code" });

            migrationBuilder.CreateIndex(
                name: "ix_framework_mappings_version_id",
                table: "framework_mappings",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_versions_framework_id_number",
                table: "framework_versions",
                columns: new[] { "framework_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_framework_versions_scale_id",
                table: "framework_versions",
                column: "scale_id");

            migrationBuilder.CreateIndex(
                name: "ux_framework_versions_one_draft",
                table: "framework_versions",
                column: "framework_id",
                unique: true,
                filter: "\"status\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_frameworks_code",
                table: "frameworks",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_qi_challenge_questions_quality_indicator_id",
                table: "qi_challenge_questions",
                column: "quality_indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_illustrations_quality_indicator_id",
                table: "qi_illustrations",
                column: "quality_indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_illustrations_theme_id",
                table: "qi_illustrations",
                column: "theme_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_suggested_evidence_quality_indicator_id",
                table: "qi_suggested_evidence",
                column: "quality_indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_qi_themes_quality_indicator_id",
                table: "qi_themes",
                column: "quality_indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_quality_indicators_group_id",
                table: "quality_indicators",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_quality_indicators_version_id_code",
                table: "quality_indicators",
                columns: new[] { "version_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scale_levels_scale_id_value",
                table: "scale_levels",
                columns: new[] { "scale_id", "value" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "framework_mappings");

            migrationBuilder.DropTable(
                name: "qi_challenge_questions");

            migrationBuilder.DropTable(
                name: "qi_illustrations");

            migrationBuilder.DropTable(
                name: "qi_suggested_evidence");

            migrationBuilder.DropTable(
                name: "scale_levels");

            migrationBuilder.DropTable(
                name: "qi_themes");

            migrationBuilder.DropTable(
                name: "quality_indicators");

            migrationBuilder.DropTable(
                name: "framework_groups");

            migrationBuilder.DropTable(
                name: "framework_versions");

            migrationBuilder.DropTable(
                name: "evaluation_scales");

            migrationBuilder.DropTable(
                name: "frameworks");
        }
    }
}
