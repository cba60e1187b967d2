// An incident's place on a small map: its grid's outline and a dot coloured by its light. Leaflet
// is loaded the dashboard's way, on first use; there is no tile layer, so no outside server.
import { load, rings } from './dashboard.js';

const colours = { red: '#ff4d4f', yellow: '#faad14', green: '#52c41a' };

export async function show(element, lat, lon, gridWkt, light) {
    await load('lib/leaflet/leaflet.js', 'lib/leaflet/leaflet.css');
    // The panel shows one incident at a time: a new one replaces the map.
    element._zhifaMap?.remove();
    const map = element._zhifaMap = L.map(element, { attributionControl: false, zoomControl: true });
    const bounds = L.latLngBounds([[lat, lon]]);
    for (const ring of rings(gridWkt)) {
        const grid = L.polygon(ring, { color: '#3f51b5', weight: 2, fillOpacity: 0.08 }).addTo(map);
        bounds.extend(grid.getBounds());
    }
    L.circleMarker([lat, lon], { radius: 8, color: '#fff', weight: 2, fillColor: colours[light] || '#8c8c8c', fillOpacity: 1 })
        .addTo(map);
    map.fitBounds(bounds.pad(0.2), { maxZoom: 17 });
}

export function dispose(element) {
    element._zhifaMap?.remove();
    element._zhifaMap = null;
}
