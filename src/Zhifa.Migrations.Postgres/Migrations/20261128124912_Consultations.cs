using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CenterCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    InvitedDepartmentCodes = table.Column<string[]>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DepartmentCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerDepartmentCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CompletionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
