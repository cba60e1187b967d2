// The supervision page's chart: notices per department, one stacked bar per department by level.
// ECharts is loaded the dashboard's way, on first use.
import { load, chart } from './dashboard.js';

export async function setCounts(element, departments, levels) {
    await load('lib/echarts/echarts.min.js');
    const colours = ['#69b1ff', '#faad14', '#ff7a45', '#cf1322'];
    chart(element, null).setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: departments, axisLabel: { width: 110, overflow: 'truncate' } },
        series: levels.map((level, i) => ({ name: level.name, type: 'bar', stack: 'all', barMaxWidth: 18, data: level.counts, itemStyle: { color: colours[i] } }))
    }, true);
}
