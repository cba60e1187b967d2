using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Consultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CenterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    InvitedDepartmentCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_CommandCenters_CenterCode",
                        column: x => x.CenterCode,
                        principalTable: "CommandCenters",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationAgenda",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationAgenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationAgenda_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationAttendance_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackedActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackedActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackedActions_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrackedActions_Departments_OwnerDepartmentCode",
                        column: x => x.OwnerDepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAgenda_ConsultationId",
                table: "ConsultationAgenda",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAgenda_IncidentId",
                table: "ConsultationAgenda",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAttendance_ConsultationId",
                table: "ConsultationAttendance",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_CenterCode_Kind_Period",
                table: "Consultations",
                columns: new[] { "CenterCode", "Kind", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_CenterCode_ScheduledAt",
                table: "Consultations",
                columns: new[] { "CenterCode", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackedActions_CenterCode_Deadline",
                table: "TrackedActions",
                columns: new[] { "CenterCode", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackedActions_ConsultationId",
                table: "TrackedActions",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrackedActions_OwnerDepartmentCode_Deadline",
                table: "TrackedActions",
                columns: new[] { "OwnerDepartmentCode", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationAgenda");

            migrationBuilder.DropTable(
                name: "ConsultationAttendance");

            migrationBuilder.DropTable(
                name: "TrackedActions");

            migrationBuilder.DropTable(
                name: "Consultations");
        }
    }
}
