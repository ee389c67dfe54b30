// The case statistics' charts (/cases/statistics). Their numbers come from data attributes, so the tables beside them
// show the same figures; no inline script (Content-Security-Policy).
(function () {
    if (!window.echarts) return;
    var blue = '#1f5fbf', red = '#c0392b';
    // Drawn on the canvas: the HTML tooltip would write style attributes, which the Content-Security-Policy refuses.
    var tooltip = { trigger: 'axis', renderMode: 'richText' };
    function read(el, name) { return JSON.parse(el.getAttribute('data-' + name) || '[]'); }
    function draw(id, option) {
        var el = document.getElementById(id);
        if (!el) return;
        var chart = echarts.init(el);
        chart.setOption(option(el));
        window.addEventListener('resize', function () { chart.resize(); });
    }

    draw('stats-month-chart', function (el) {
        return {
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: read(el, 'labels') },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: read(el, 'values'), itemStyle: { color: blue } }],
            tooltip: tooltip
        };
    });

    draw('stats-state-chart', function (el) {
        return {
            grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: read(el, 'labels'), inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
            series: [{ type: 'bar', data: read(el, 'values'), itemStyle: { color: blue }, label: { show: true, position: 'right' } }],
            tooltip: tooltip
        };
    });

    draw('stats-body-chart', function (el) {
        return {
            legend: { top: 0 },
            grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: read(el, 'labels'), inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
            series: [
                { name: el.getAttribute('data-registered-name'), type: 'bar', data: read(el, 'registered'), itemStyle: { color: blue } },
                { name: el.getAttribute('data-overdue-name'), type: 'bar', data: read(el, 'overdue'), itemStyle: { color: red } }
            ],
            tooltip: tooltip
        };
    });
})();
