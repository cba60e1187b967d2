using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Jurisdiction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmittedBy",
                table: "Clues",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GridCodes",
                table: "AspNetUsers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Clues_SubmittedBy",
                table: "Clues",
                column: "SubmittedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clues_SubmittedBy",
                table: "Clues");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "Clues");

            migrationBuilder.DropColumn(
                name: "GridCodes",
                table: "AspNetUsers");
        }
    }
}
