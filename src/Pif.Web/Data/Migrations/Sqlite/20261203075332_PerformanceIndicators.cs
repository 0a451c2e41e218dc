using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerformanceIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_group_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    grouping = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    group = table.Column<int>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_group_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_group_memberships_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    layout = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    committed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    committed_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    rows = table.Column<int>(type: "INTEGER", nullable: false),
                    added = table.Column<int>(type: "INTEGER", nullable: false),
                    revised = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    problems = table.Column<string>(type: "TEXT", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_imports_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicator_imports_users_committed_by_id",
                        column: x => x.committed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicator_imports_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "performance_indicators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    normalised_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    measure_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    number_format = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    polarity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    numerator_definition = table.Column<string>(type: "TEXT", nullable: true),
                    denominator_definition = table.Column<string>(type: "TEXT", nullable: true),
                    period_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    grouping = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    owner_organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_performance_indicators_indicator_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "indicator_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_performance_indicators_organisations_owner_organisation_id",
                        column: x => x.owner_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    indicator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    family_group = table.Column<int>(type: "INTEGER", nullable: true),
                    period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    from_year = table.Column<int>(type: "INTEGER", nullable: false),
                    to_year = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: true),
                    numerator = table.Column<double>(type: "REAL", nullable: true),
                    denominator = table.Column<double>(type: "REAL", nullable: true),
                    provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    current = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_values_indicator_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "indicator_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicator_values_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicator_values_performance_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "performance_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_group_memberships_grouping_organisation_id",
                table: "family_group_memberships",
                columns: new[] { "grouping", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_family_group_memberships_organisation_id",
                table: "family_group_memberships",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_imports_committed_by_id",
                table: "indicator_imports",
                column: "committed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_imports_created_at",
                table: "indicator_imports",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_imports_created_by_id",
                table: "indicator_imports",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_imports_organisation_id",
                table: "indicator_imports",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_import_id",
                table: "indicator_values",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_indicator_id_organisation_id_from_year",
                table: "indicator_values",
                columns: new[] { "indicator_id", "organisation_id", "from_year" });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_organisation_id",
                table: "indicator_values",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_performance_indicators_import_id",
                table: "performance_indicators",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_performance_indicators_owner_organisation_id_normalised_code",
                table: "performance_indicators",
                columns: new[] { "owner_organisation_id", "normalised_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_group_memberships");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "performance_indicators");

            migrationBuilder.DropTable(
                name: "indicator_imports");
        }
    }
}
