// Inspections per body and month: the numbers come from data attributes, the same numbers as the table below the chart.
(function () {
    var el = document.getElementById('inspection-chart');
    if (!el || !window.echarts) return;
    var months = JSON.parse(el.dataset.months || '[]');
    var series = JSON.parse(el.dataset.series || '[]');
    var chart = echarts.init(el);
    chart.setOption({
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        legend: { type: 'scroll', top: 0 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map(function (s) { return { name: s.name, type: 'bar', stack: 'all', data: s.data }; }),
        // Drawn on the canvas: the HTML tooltip would write style attributes, which the Content-Security-Policy refuses.
        tooltip: { trigger: 'axis', renderMode: 'richText' }
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();
