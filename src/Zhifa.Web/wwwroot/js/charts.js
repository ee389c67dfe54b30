// Charts read their numbers from data attributes, so the same numbers are in the table beside them.
(function () {
    var el = document.getElementById('rotation-chart');
    if (!el || !window.echarts) return;
    var names = JSON.parse(el.dataset.names || '[]');
    var rates = JSON.parse(el.dataset.rates || '[]');
    var chart = echarts.init(el);
    chart.setOption({
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: names, axisLabel: { width: 160, overflow: 'truncate' } },
        series: [{ type: 'bar', data: rates, itemStyle: { color: '#1f5fbf' }, label: { show: true, position: 'right', formatter: '{c}%' } }],
        // Drawn on the canvas: the HTML tooltip would write style attributes, which the Content-Security-Policy refuses.
        tooltip: { trigger: 'axis', renderMode: 'richText' }
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();
