using Microsoft.AspNetCore.Identity;
using Zhifa.Core.Officers;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Officers;

/// <summary>An officer's fields, checked: what POST and PUT write.</summary>
public sealed record OfficerFields(string Name, string DepartmentCode, string? CertificateNumber, DateOnly? ValidFrom, DateOnly? ValidUntil,
    bool LegalQualification, bool LegalPost, string? UserName);

/// <summary>Checks what officers, trainings and teams are given, naming each field that is wrong.</summary>
public sealed class OfficerRules(ReferenceData reference, UserManager<PlatformUser> users)
{
    public async Task<OfficerFields?> OfficerAsync(FieldErrors errors, OfficerBody body)
    {
        errors.Required("name", body.Name, Officer.MaxNameLength);
        Department(errors, "departmentCode", body.DepartmentCode);
        var number = body.CertificateNumber?.Trim();
        if (body.CertificateNumber is not null)
            errors.Required("certificateNumber", number, Officer.MaxCertificateLength);
        var from = Date(errors, "certificateValidFrom", body.CertificateValidFrom);
        var until = Date(errors, "certificateValidUntil", body.CertificateValidUntil);
        // A certificate is a number with its period: half of one cannot be judged valid or not.
        if (!string.IsNullOrEmpty(number))
        {
            if (body.CertificateValidFrom is null)
                errors.Add("certificateValidFrom", "The certificateValidFrom field is required with a certificate number.");
            if (body.CertificateValidUntil is null)
                errors.Add("certificateValidUntil", "The certificateValidUntil field is required with a certificate number.");
        }
        else if (body.CertificateValidFrom is not null || body.CertificateValidUntil is not null)
        {
            errors.Add("certificateNumber", "The certificateNumber field is required with certificate dates.");
        }
        if (from is { } f && until is { } u && u < f)
            errors.Add("certificateValidUntil", "certificateValidUntil is on or after certificateValidFrom.");
        var userName = string.IsNullOrWhiteSpace(body.UserName) ? null : body.UserName.Trim();
        if (userName is not null && userName.Length > Officer.MaxUserNameLength)
            errors.Add("userName", $"The userName field must be at most {Officer.MaxUserNameLength} characters.");
        else if (userName is not null && await users.FindByNameAsync(userName) is null)
            errors.Add("userName", $"No user is named '{userName}'.");
        if (errors.Any)
            return null;
        return new OfficerFields(body.Name!.Trim(), body.DepartmentCode!, string.IsNullOrEmpty(number) ? null : number, from, until,
            body.LegalQualification ?? false, body.LegalPost ?? false, userName);
    }

    public static (string Course, decimal Hours, DateOnly Date)? Training(FieldErrors errors, TrainingBody body)
    {
        errors.Required("course", body.Course, Core.Officers.Training.MaxCourseLength);
        if (body.Hours is null)
            errors.Add("hours", "The hours field is required.");
        else if (body.Hours <= 0 || body.Hours > Core.Officers.Training.MaxHours)
            errors.Add("hours", $"hours is more than 0 and at most {Core.Officers.Training.MaxHours}.");
        else if (decimal.Round(body.Hours.Value, 1) != body.Hours)
            errors.Add("hours", "hours has at most one decimal place.");
        if (body.Date is null)
            errors.Add("date", "The date field is required.");
        var date = Date(errors, "date", body.Date);
        return errors.Any ? null : (body.Course!.Trim(), body.Hours!.Value, date!.Value);
    }

    public void Team(FieldErrors errors, TeamBody body)
    {
        if (errors.Required("code", body.Code, Core.Officers.Team.MaxCodeLength) && !body.Code!.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            errors.Add("code", "code has letters, digits and '-' only, such as 330503106-ZFD-01.");
        errors.Required("name", body.Name, Core.Officers.Team.MaxNameLength);
        Department(errors, "departmentCode", body.DepartmentCode);
        if (body.TownshipCode is { } township && reference.Regions.GetValueOrDefault(township)?.Level != RegionLevel.Township)
            errors.Add("townshipCode", $"Unknown township '{township}'.");
        // A team works within its department's county: a township of another county is not its to work in.
        else if (body.TownshipCode is { } inCounty && body.DepartmentCode is { } department && CountyOf(department) is { } county
                 && reference.Regions[inCounty].ParentCode != county)
            errors.Add("townshipCode", $"{inCounty} is not in {county}, the county of {department}.");
    }

    /// <summary>The county (or city, for a city department) a department belongs to, as <see cref="OfficerScope.CountyOf"/>.</summary>
    private string? CountyOf(string departmentCode) =>
        reference.Departments.TryGetValue(departmentCode, out var d) && reference.Regions.TryGetValue(d.RegionCode, out var region)
            ? region.Level == RegionLevel.Township ? region.ParentCode : region.Code
            : null;

    private void Department(FieldErrors errors, string field, string? code)
    {
        if (errors.Required(field, code, Core.Organization.Department.MaxCodeLength))
            errors.Known(field, code, reference.Departments, "department");
    }

    /// <summary>Certificates and trainings fall within a working life of these years.</summary>
    private const int FirstYear = 1950, LastYear = 2100;

    private static DateOnly? Date(FieldErrors errors, string field, string? text) => errors.Date(field, text, FirstYear, LastYear);
}
