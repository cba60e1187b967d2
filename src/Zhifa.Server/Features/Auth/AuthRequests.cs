namespace Zhifa.Server.Features.Auth;

public sealed record LoginRequest(string? UserName, string? Password, string? TwoFactorCode);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record TwoFactorCodeRequest(string? Code);

/// <summary>Who the caller is: name, roles and home.</summary>
public sealed record MeView(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? HomeCenterCode, string? HomeDepartmentCode, bool TwoFactorEnabled);

/// <summary>A TOTP key to load into an authenticator app, as text and as an otpauth:// URI (for a QR code).</summary>
public sealed record AuthenticatorKeyView(string SharedKey, string AuthenticatorUri);
