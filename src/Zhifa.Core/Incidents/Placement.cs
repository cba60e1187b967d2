using Zhifa.Core.Geo;
using Zhifa.Core.Matters;

namespace Zhifa.Core.Incidents;

/// <summary>Where triage put a new incident: its matter, its place and the centre that handles it.</summary>
public sealed record Placement(
    Matter? Matter,
    GridLocation? Location,
    string HandlingCenterCode);
