using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pif.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CouncilIndicatorYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "council_indicator_years",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    to_year = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<double>(type: "double precision", nullable: true),
                    red_threshold = table.Column<double>(type: "double precision", nullable: true),
                    commentary = table.Column<string>(type: "text", nullable: true),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_council_indicator_years", x => x.id);
                    table.ForeignKey(
                        name: "fk_council_indicator_years_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_council_indicator_years_performance_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "performance_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_council_indicator_years_users_updated_by_id",
                        column: x => x.updated_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_council_indicator_years_indicator_id_organisation_id_period",
                table: "council_indicator_years",
                columns: new[] { "indicator_id", "organisation_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_council_indicator_years_organisation_id",
                table: "council_indicator_years",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_council_indicator_years_updated_by_id",
                table: "council_indicator_years",
                column: "updated_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "council_indicator_years");
        }
    }
}
