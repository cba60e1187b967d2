namespace Zhifa.Server.Components;

/// <summary>The UI's texts: Strings.resx in Chinese (the default), Strings.en.resx in English.</summary>
public sealed class Strings;
