// The one-screen dashboard's map and charts: Leaflet (no tile layer, the regions' own outlines) and
// ECharts, loaded on first use so that other pages do not carry them.
const loaded = {};

export function load(src, css) {
    if (loaded[src])
        return loaded[src];
    if (css) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = css;
        document.head.appendChild(link);
    }
    return loaded[src] = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
    });
}

export async function ready() {
    await Promise.all([load('lib/leaflet/leaflet.js', 'lib/leaflet/leaflet.css'), load('lib/echarts/echarts.min.js')]);
}

// POLYGON ((x y, ...), (...)) or MULTIPOLYGON (((...)), ((...))): each ring as [[lat, lon], ...].
export function rings(wkt) {
    const found = [];
    for (const match of (wkt || '').matchAll(/\(([^()]+)\)/g)) {
        found.push(match[1].split(',').map(pair => {
            const [x, y] = pair.trim().split(/\s+/).map(Number);
            return [y, x];
        }));
    }
    return found;
}

const lightColours = { red: '#ff4d4f', yellow: '#fadb14', green: '#52c41a' };
const state = {};

export function initMap(element, counties, townships) {
    if (state.map)
        state.map.remove();
    const map = L.map(element, { zoomControl: false, attributionControl: false });
    // Outlines as SVG; up to 2,000 markers on one canvas.
    state.canvas = L.canvas();
    const bounds = L.latLngBounds([]);
    for (const t of townships)
        for (const ring of rings(t))
            L.polygon(ring, { color: '#2f6fb3', weight: 0.6, fillColor: '#12325a', fillOpacity: 0.35 }).addTo(map);
    for (const c of counties)
        for (const ring of rings(c)) {
            const polygon = L.polygon(ring, { color: '#5fb6ff', weight: 2, fill: false }).addTo(map);
            bounds.extend(polygon.getBounds());
        }
    if (bounds.isValid())
        map.fitBounds(bounds, { padding: [8, 8] });
    else
        map.setView([30.87, 120.09], 9);
    state.map = map;
    state.markers = L.layerGroup().addTo(map);
    new ResizeObserver(() => map.invalidateSize()).observe(element);
}

export function setMarkers(markers) {
    if (!state.markers)
        return;
    state.markers.clearLayers();
    for (const m of markers) {
        const colour = lightColours[m.light] || '#8c8c8c';
        L.circleMarker([m.lat, m.lon], { renderer: state.canvas, radius: 5, color: colour, weight: 1, fillColor: colour, fillOpacity: 0.85 })
            .bindTooltip(m.number).addTo(state.markers);
    }
}

// The wall screen's charts are dark; other pages pass no theme and get ECharts' light default.
export function chart(element, theme = 'dark') {
    const existing = echarts.getInstanceByDom(element);
    if (existing)
        return existing;
    const created = echarts.init(element, theme, { renderer: 'canvas' });
    new ResizeObserver(() => created.resize()).observe(element);
    return created;
}

const axisText = { color: '#9fb3d1' };

export function setTrend(element, labels, received, closed, names) {
    chart(element).setOption({
        backgroundColor: 'transparent',
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: [names.received, names.closed], textStyle: axisText, top: 0 },
        grid: { left: 36, right: 12, top: 28, bottom: 24 },
        xAxis: { type: 'category', data: labels, axisLabel: axisText },
        yAxis: { type: 'value', minInterval: 1, axisLabel: axisText, splitLine: { lineStyle: { color: '#1f3354' } } },
        series: [
            { name: names.received, type: 'line', data: received, itemStyle: { color: '#36cfc9' }, areaStyle: { opacity: 0.15 } },
            { name: names.closed, type: 'line', data: closed, itemStyle: { color: '#faad14' } }
        ]
    });
}

export function setMatters(element, names, counts) {
    chart(element).setOption({
        backgroundColor: 'transparent',
        animation: false,
        tooltip: {},
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, axisLabel: axisText, splitLine: { lineStyle: { color: '#1f3354' } } },
        yAxis: { type: 'category', inverse: true, data: names, axisLabel: { ...axisText, width: 120, overflow: 'truncate' } },
        series: [{ type: 'bar', barMaxWidth: 18, data: counts, itemStyle: { color: '#4096ff' }, label: { show: true, position: 'right', color: '#dbe7ff' } }]
    });
}

export function dispose() {
    if (state.map) {
        state.map.remove();
        state.map = null;
        state.markers = null;
    }
}
