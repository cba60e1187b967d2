using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Officers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Officers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CertificateValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalQualification = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalPost = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Officers_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TownshipCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Teams_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfficerAssignments",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficerAssignments", x => new { x.IncidentId, x.OfficerId });
                    table.ForeignKey(
                        name: "FK_OfficerAssignments_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfficerAssignments_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfficerTrainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Course = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficerTrainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficerTrainings_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamMembers",
                columns: table => new
                {
                    TeamCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => new { x.TeamCode, x.OfficerId });
                    table.ForeignKey(
                        name: "FK_TeamMembers_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Teams_TeamCode",
                        column: x => x.TeamCode,
                        principalTable: "Teams",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfficerAssignments_OfficerId",
                table: "OfficerAssignments",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Officers_DepartmentCode",
                table: "Officers",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_OfficerTrainings_OfficerId",
                table: "OfficerTrainings",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_OfficerId",
                table: "TeamMembers",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_DepartmentCode",
                table: "Teams",
                column: "DepartmentCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfficerAssignments");

            migrationBuilder.DropTable(
                name: "OfficerTrainings");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "Officers");

            migrationBuilder.DropTable(
                name: "Teams");
        }
    }
}
