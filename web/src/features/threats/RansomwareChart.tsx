// A horizontal bar chart of one breakdown. ECharts is loaded only when the chart is first drawn,
// so the catalogue pages do not carry it. The table beside it holds the same figures as text.
import { useEffect, useRef } from 'react';

type Bar = { label: string; count: number };

async function loadECharts() {
  const [core, charts, components, renderers] = await Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]);
  core.use([charts.BarChart, components.GridComponent, components.TooltipComponent, renderers.CanvasRenderer]);
  return core;
}

export function RansomwareChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | null = null;
    void loadECharts().then((echarts) => {
      if (disposed || !container.current) return;
      const chart = echarts.init(container.current);
      const ordered = [...bars].reverse();
      chart.setOption({
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: ordered.map((bar) => bar.label) },
        series: [{ type: 'bar', data: ordered.map((bar) => bar.count), name: title }],
      });
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [bars, title]);
  return <div ref={container} role="img" aria-label={title} style={{ width: '100%', height: Math.max(120, bars.length * 28 + 32) }} />;
}
