using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Privacy;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Privacy;

/// <summary>
/// Reporters' names and phones: sealed with Data Protection before they are stored, and shown
/// whole only to the dispatchers of the centre that handles the incident; everyone else sees them masked.
/// </summary>
public sealed class PersonalData(IDataProtectionProvider protection, ILogger<PersonalData> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Zhifa.PersonalData.v1");

    public string? Seal(string? text) => string.IsNullOrEmpty(text) ? text : _protector.Protect(text);

    /// <summary>Whether <paramref name="caller"/> may see the reporters of an incident handled by <paramref name="handlingCenterCode"/> unmasked.</summary>
    public static bool MayReveal(ClaimsPrincipal caller, string handlingCenterCode) =>
        caller.IsInRole(nameof(Role.Dispatcher)) && caller.FindFirst(PlatformClaims.HomeCenter)?.Value == handlingCenterCode;

    public (string? Name, string? Phone) Show(Clue clue, bool reveal)
    {
        var name = Open(clue, clue.ReporterName);
        var phone = Open(clue, clue.ReporterPhone);
        return reveal ? (name, phone) : (name is null ? null : PersonalDataMask.Name(name), phone is null ? null : PersonalDataMask.Phone(phone));
    }

    private string? Open(Clue clue, string? sealedText)
    {
        if (string.IsNullOrEmpty(sealedText))
            return sealedText;
        try
        {
            return _protector.Unprotect(sealedText);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            // Sealed under a key this node cannot read (or not sealed at all): show nothing rather than fail the incident.
            logger.LogWarning("The reporter data of clue {ClueId} cannot be opened with the key ring: {Reason}", clue.Id, e.Message);
            return null;
        }
    }
}
