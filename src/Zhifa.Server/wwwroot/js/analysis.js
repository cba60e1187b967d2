// The situation-analysis page's charts: ECharts on the page's light background, loaded on first use
// through the dashboard's loader so that the library is fetched once.
import { load, chart } from './dashboard.js';

export async function ready() {
    await load('lib/echarts/echarts.min.js');
}

// Rates arrive as shares (0.937) or null; the chart shows percentages with 2 decimals, null as a gap.
const percent = share => share === null || share === undefined ? null : Math.round(share * 10000) / 100;

export function setRates(element, names, onTimeRates, closed, labels) {
    chart(element, null).setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: [labels.onTimeRate, labels.closed], top: 0 },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' } },
        yAxis: [
            { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
            { type: 'value', minInterval: 1, splitLine: { show: false } }
        ],
        series: [
            { name: labels.onTimeRate, type: 'bar', barMaxWidth: 28, data: onTimeRates.map(percent), itemStyle: { color: '#1677ff' },
              tooltip: { valueFormatter: v => v === null || v === undefined ? '–' : v.toFixed(2) + ' %' } },
            { name: labels.closed, type: 'line', yAxisIndex: 1, data: closed, itemStyle: { color: '#fa8c16' } }
        ]
    }, { notMerge: true });
}

export function setTrend(element, days, received, closed, labels) {
    chart(element, null).setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: [labels.received, labels.closed], top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: days },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
            { name: labels.received, type: 'line', data: received, itemStyle: { color: '#13c2c2' }, areaStyle: { opacity: 0.12 } },
            { name: labels.closed, type: 'line', data: closed, itemStyle: { color: '#52c41a' } }
        ]
    }, { notMerge: true });
}
